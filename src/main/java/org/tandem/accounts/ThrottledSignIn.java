package org.tandem.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.tandem.accounts.ui.AccountRoutes;

/**
 * The sign-in form's passphrase check behind the throttle: a locked e-mail or address is refused before its
 * passphrase is even looked at (so the right one fails too), every failure is counted, and a success starts the
 * e-mail's count again. The failure page says "locked" for a locked e-mail whether or not an account has it.
 */
final class ThrottledSignIn implements AuthenticationProvider, AuthenticationFailureHandler {

    /** The sign-in page's parameter for "too many failures: wait". */
    static final String LOCKED = "locked";

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    /** @param passwords the passphrase check (and the second factor's first step) it guards */
    ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = Emails.normalise(attempt.getName());
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        if (throttle.locked(email, address)) {
            throw new LockedException("Too many failed sign-ins: wait");
        }
        try {
            Authentication signedIn = Objects.requireNonNull(passwords.authenticate(attempt),
                    "the passphrase check answers every e-mail and passphrase");
            throttle.succeeded(email);
            return signedIn;
        } catch (AuthenticationException failed) {
            throttle.failed(email, address);
            throw failed;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        boolean locked = failure instanceof LockedException
                || throttle.locked(Emails.normalise(request.getParameter("username")), request.getRemoteAddr());
        response.sendRedirect(request.getContextPath() + "/" + AccountRoutes.LOGIN + "?error" + (locked ? "&" + LOCKED : ""));
    }
}
