package org.tandem.support;

import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.tandem.accounts.TandemUser;

/**
 * Puts a real account, loaded as at sign-in, into the security context of the current test thread:
 * both the strategy that method security uses (Vaadin's) and the static holder.
 */
@Component
public class SignIn {

    private final UserDetailsService accounts;
    private final SecurityContextHolderStrategy strategy;

    private final AuthenticationProvider provider;

    SignIn(UserDetailsService accounts, SecurityContextHolderStrategy strategy, AuthenticationProvider provider) {
        this.accounts = accounts;
        this.strategy = strategy;
        this.provider = provider;
    }

    public TandemUser as(String email) {
        TandemUser user = (TandemUser) accounts.loadUserByUsername(email);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        strategy.setContext(context);
        SecurityContextHolder.setContext(context);
        return user;
    }

    /**
     * Does something as another person, then puts the context that was there back (in a browserless test, the
     * test's own person), in the strategy and the static holder alike.
     */
    public <T> T during(String email, Supplier<T> action) {
        SecurityContext before = strategy.getContext();
        as(email);
        try {
            return action.get();
        } finally {
            strategy.setContext(before);
            SecurityContextHolder.setContext(before);
        }
    }

    public void out() {
        strategy.clearContext();
        SecurityContextHolder.clearContext();
    }

    /**
     * Signs in with the e-mail and {@link Fixtures#PASSWORD} through the application's authentication provider, as
     * the sign-in form does: the result is a full sign-in, or a partial one that owes its second factor.
     */
    public Authentication passphrase(String email) {
        return passphrase(email, Fixtures.PASSWORD);
    }

    /** The same with another password (a demo account's). */
    public Authentication passphrase(String email, String password) {
        Authentication result = provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(email, password));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(result);
        strategy.setContext(context);
        SecurityContextHolder.setContext(context);
        return result;
    }

    /** An anonymous visitor, as Spring Security makes one for a request without a session (a page opened by a link). */
    public void anonymous() {
        out();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new AnonymousAuthenticationToken("test", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        strategy.setContext(context);
        SecurityContextHolder.setContext(context);
    }
}
