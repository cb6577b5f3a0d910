package org.tandem.accounts;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.PartialSignIn.Step;

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

    PasswordThenSecondFactor(UserDetailsService accounts, PasswordEncoder passwordEncoder,
            SecondFactorRepository factors, ApplicationEventPublisher events) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.factors = factors;
        this.events = events;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        Authentication checked = passwords.authenticate(authentication);
        if (checked == null || !(checked.getPrincipal() instanceof TandemUser user)) {
            return checked;
        }
        Step step = factors.confirmed(user.accountId()) ? Step.CODE : factors.requiredOf(user) ? Step.ENROL : null;
        if (step == null) {
            return checked;
        }
        events.publishEvent(AuditEvent.of(user, AuditAction.SECOND_FACTOR_ASKED, Subject.account(user.accountId()),
                step == Step.CODE ? "code asked" : "enrolment required by the clinic"));
        return new PartialSignIn(user, step);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
