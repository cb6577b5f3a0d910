package org.tandem.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AuditEvent.Subject;

/**
 * The passphrase given again before a sensitive act (docs/decisions/023-sign-in-security.md, "Re-authentication").
 * The instant the session's passphrase was last given is Spring Security's {@code FACTOR_PASSWORD} authority of the
 * session's authentication, issued at that instant by the application's clock: at sign-in (the form, an accepted
 * invitation, and carried through the second-factor step) and at each {@link #confirm}. Services call {@link #require}
 * before the act, so that a call that bypasses the dialog is refused too.
 */
@Service
public class Reauthentication {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ThrottledCheck throttled;
    private final SignInCompletion completion;
    private final SecurityContextHolderStrategy strategy;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration maxAge;

    Reauthentication(AccountRepository accounts, PasswordEncoder passwordEncoder, ThrottledCheck throttled,
            SignInCompletion completion, SecurityContextHolderStrategy strategy, ApplicationEventPublisher events,
            Clock clock, @Value("${tandem.security.reauthentication.max-age:5m}") Duration maxAge) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.throttled = throttled;
        this.completion = completion;
        this.strategy = strategy;
        this.events = events;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** How long after the passphrase was given sensitive acts go ahead without asking for it again. */
    @PreAuthorize("permitAll()")
    public Duration maxAge() {
        return maxAge;
    }

    /** Whether the signed-in person gave their passphrase recently enough for a sensitive act now. */
    @PreAuthorize("isAuthenticated()")
    public boolean fresh() {
        return passphraseGivenAt(strategy.getContext().getAuthentication())
                .map(given -> !clock.instant().isAfter(given.plus(maxAge)))
                .orElse(false);
    }

    /**
     * Refuses the sensitive act {@code what} (and audits the refusal) unless the passphrase is fresh.
     *
     * @throws ReauthenticationRequiredException when it was last given more than the allowed age ago
     */
    @PreAuthorize("isAuthenticated()")
    public void require(String what) {
        TandemUser me = CurrentUser.require();
        if (!fresh()) {
            events.publishEvent(AuditEvent.denied(me, what, "passphrase last given more than " + maxAge.toMinutes()
                    + " min ago (at " + passphraseGivenAt(strategy.getContext().getAuthentication())
                            .map(Instant::toString).orElse("no time") + "): re-authentication required"));
            throw new ReauthenticationRequiredException(maxAge.toMinutes());
        }
    }

    /**
     * The signed-in person gives their passphrase again: from now on the session's passphrase is fresh. Behind the
     * sign-in throttle; a wrong one is audited and refused.
     *
     * @throws RefusedException {@code reauthentication.error.wrong-passphrase}, or {@code account.error.locked}
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void confirm(String passphrase) {
        TandemUser me = CurrentUser.require();
        throttled.require(me, AuditAction.REAUTHENTICATED,
                () -> accounts.passwordHash(me.clinicId(), me.accountId())
                        .map(hash -> passwordEncoder.matches(passphrase, hash)).orElse(false),
                "wrong passphrase", "reauthentication.error.wrong-passphrase");
        Authentication current = strategy.getContext().getAuthentication();
        UsernamePasswordAuthenticationToken renewed = UsernamePasswordAuthenticationToken.authenticated(me, null,
                withPassphraseGivenAt(current == null ? me.getAuthorities() : current.getAuthorities(),
                        clock.instant()));
        if (current != null) {
            renewed.setDetails(current.getDetails());
        }
        completion.replace(renewed);
        events.publishEvent(AuditEvent.of(me, AuditAction.REAUTHENTICATED, Subject.account(me.accountId())));
    }

    /** When the authentication's passphrase was given, if it carries that instant. */
    static Optional<Instant> passphraseGivenAt(@org.jspecify.annotations.Nullable Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        return authentication.getAuthorities().stream()
                .filter(authority -> authority instanceof FactorGrantedAuthority)
                .map(FactorGrantedAuthority.class::cast)
                .filter(factor -> factor.getAuthority().equals(FactorGrantedAuthority.PASSWORD_AUTHORITY))
                .map(FactorGrantedAuthority::getIssuedAt)
                .max(Instant::compareTo);
    }

    /** The passphrase factor, given at this instant of the application's clock. */
    static FactorGrantedAuthority passphraseFactor(Instant givenAt) {
        return FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(givenAt).build();
    }

    /** These authorities with the passphrase factor given at {@code givenAt} in place of any earlier one. */
    static List<GrantedAuthority> withPassphraseGivenAt(Collection<? extends GrantedAuthority> authorities,
            Instant givenAt) {
        List<GrantedAuthority> result = new ArrayList<>();
        for (GrantedAuthority authority : authorities) {
            if (!FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(authority.getAuthority())) {
                result.add(authority);
            }
        }
        result.add(passphraseFactor(givenAt));
        return result;
    }
}
