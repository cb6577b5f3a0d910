package org.tandem.accounts;

import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.PartialSignIn.Step;
import org.tandem.database.TenantScope;

/**
 * The sign-in form's check: the passphrase, as Spring Security's {@link DaoAuthenticationProvider} checks it; then,
 * for an account with a second factor (or staff of a clinic that requires one), not the person's roles but a
 * {@link PartialSignIn} that owes its second step. Registered as the application's one authentication provider by
 * {@link SecurityConfig}.
 */
class PasswordThenSecondFactor implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SecondFactorRepository factors;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasswordThenSecondFactor(UserDetailsService accounts, PasswordEncoder passwordEncoder,
            SecondFactorRepository factors, ApplicationEventPublisher events, Clock clock) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(passwordEncoder);
        if (accounts instanceof UserDetailsPasswordService rehash) {
            this.passwords.setUserDetailsPasswordService(rehash);
        }
        this.factors = factors;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        Authentication checked = passwords.authenticate(authentication);
        if (checked == null || !(checked.getPrincipal() instanceof TandemUser user)) {
            return checked;
        }
        // Spring Security's passphrase factor, issued by the application's clock: re-authentication measures from it.
        Instant now = clock.instant();
        // Not signed in yet: the clinic of the account that gave the right passphrase (decision 029).
        @Nullable Step step = TenantScope.clinic(user.clinicId(), () -> factors.confirmed(user.accountId()) ? Step.CODE
                : factors.requiredOf(user) ? Step.ENROL : null);
        if (step == null) {
            UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(
                    checked.getPrincipal(), checked.getCredentials(),
                    Reauthentication.withPassphraseGivenAt(checked.getAuthorities(), now));
            signedIn.setDetails(checked.getDetails());
            return signedIn;
        }
        events.publishEvent(AuditEvent.of(user, AuditAction.SECOND_FACTOR_ASKED, Subject.account(user.accountId()),
                step == Step.CODE ? "code asked" : "enrolment required by the clinic"));
        return new PartialSignIn(user, step, now);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
