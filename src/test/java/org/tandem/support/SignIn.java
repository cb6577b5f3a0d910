package org.tandem.support;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.FactorGrantedAuthority;
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
    private final Clock clock;

    SignIn(UserDetailsService accounts, SecurityContextHolderStrategy strategy, AuthenticationProvider provider,
            Clock clock) {
        this.accounts = accounts;
        this.strategy = strategy;
        this.provider = provider;
        this.clock = clock;
    }

    /** Signs in as this person, who has just given their passphrase (at the clock's instant, as the form records it). */
    public TandemUser as(String email) {
        Authentication authentication = authentication(email);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        strategy.setContext(context);
        SecurityContextHolder.setContext(context);
        return (TandemUser) Objects.requireNonNull(authentication.getPrincipal());
    }

    /**
     * The sign-in of {@link #as}, not put anywhere: for a browserless user of its own (the memory and load
     * benchmarks open many sessions, each with its person).
     */
    public Authentication authentication(String email) {
        TandemUser user = (TandemUser) accounts.loadUserByUsername(email);
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .issuedAt(clock.instant()).build());
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
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
