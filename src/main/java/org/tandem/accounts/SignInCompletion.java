package org.tandem.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns a {@link PartialSignIn} into the person's full sign-in once the second step is done: their roles, Spring
 * Security's {@code FACTOR_PASSWORD} and {@code FACTOR_TOTP}, a new session id (so an id seen before the second step
 * is worth nothing after it), and the new security context saved in the session. Re-authentication puts its
 * renewed authentication in place the same way, without a new session id.
 */
@Component
class SignInCompletion {

    static final String TOTP_FACTOR = "TOTP";

    private final SecurityContextHolderStrategy strategy;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SignInCompletion(SecurityContextHolderStrategy strategy, Clock clock) {
        this.strategy = strategy;
        this.clock = clock;
    }

    /**
     * @param passphraseGivenAt when the sign-in's passphrase was given (its first step): what re-authentication
     * measures from
     */
    void complete(TandemUser user, Instant passphraseGivenAt) {
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(Reauthentication.passphraseFactor(passphraseGivenAt));
        authorities.add(FactorGrantedAuthority.withFactor(TOTP_FACTOR).issuedAt(clock.instant()).build());
        put(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities), true);
    }

    /** Puts this authentication of the same person in place of the session's (re-authentication). */
    void replace(Authentication authentication) {
        put(authentication, false);
    }

    private void put(Authentication authentication, boolean newSessionId) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        strategy.setContext(context);
        SecurityContextHolder.setContext(context);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            if (newSessionId && request.getSession(false) != null) {
                request.changeSessionId();
            }
            var response = attributes.getResponse();
            if (response != null) {
                contexts.saveContext(context, request, response);
            } else {
                request.getSession().setAttribute(
                        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
    }
}
