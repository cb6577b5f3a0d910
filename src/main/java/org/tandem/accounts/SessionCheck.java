package org.tandem.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.ui.AccountRoutes;
import org.tandem.database.TenantScope;

/**
 * Checks a signed-in session against its account on every request, heartbeats included, instead of trusting what
 * was loaded at sign-in (docs/decisions/023-sign-in-security.md): a deactivated account, or one whose sessions were
 * ended after this one signed in ({@code account.sessions_valid_after}), loses the session before Spring Security
 * reads it; changed roles or name replace the session's authentication, so they count from the next request. The tab
 * of an ended session lands on the sign-in page with a note, at most one heartbeat (60 s) later, as with
 * {@link IdleSignOut}.
 */
@Configuration(proxyBeanMethods = false)
class SessionCheck {

    /** The session attribute holding the instant the session signed in. */
    static final String SIGNED_IN_AT = SessionCheck.class.getName() + ".signedInAt";

    /** Where a page load of an ended session is sent; the sign-in page shows a note for the {@code ended} parameter. */
    static final String ENDED_LOCATION = AccountRoutes.LOGIN + "?ended";

    /** Where a page load of a session past its maximum lifetime is sent; the sign-in page says why. */
    static final String EXPIRED_LOCATION = AccountRoutes.LOGIN + "?expired";

    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AccountSessions sessions;

    SessionCheck(AccountRepository accounts, ApplicationEventPublisher events, Clock clock,
            AccountSessions sessions) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.sessions = sessions;
    }

    /** Runs after {@link IdleSignOut}'s filter and before Spring Security's, which then reads what is left. */
    @Bean
    FilterRegistrationBean<AccountFilter> sessionCheckFilter() {
        FilterRegistrationBean<AccountFilter> registration = new FilterRegistrationBean<>(new AccountFilter());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /** Notes when the session signed in: what "sessions valid after" is compared with. */
    @EventListener
    public void on(AuthenticationSuccessEvent signedIn) {
        currentSession().ifPresent(session -> session.setAttribute(SIGNED_IN_AT, clock.instant()));
        currentSession().ifPresent(sessions::signedIn);
    }

    /**
     * The current request's session is kept although its account's sessions were ended at {@code at}: the one in
     * which the person changed their own passphrase.
     */
    static void keepCurrentSession(Instant at) {
        currentSession().ifPresent(session -> session.setAttribute(SIGNED_IN_AT, at));
    }

    static Optional<HttpSession> currentSession() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.ofNullable(attributes.getRequest().getSession(false))
                : Optional.empty();
    }

    final class AccountFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            if (session != null
                    && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                            instanceof SecurityContext context
                    && context.getAuthentication() instanceof Authentication authentication
                    && authentication.getPrincipal() instanceof TandemUser user) {
                Instant signedInAt;
                if (session.getAttribute(SIGNED_IN_AT) instanceof Instant at) {
                    signedInAt = at;
                } else {
                    // Signed in without the form (an accepted invitation): from the first request that shows it.
                    signedInAt = clock.instant();
                    session.setAttribute(SIGNED_IN_AT, signedInAt);
                }
                // Before Spring Security has restored the sign-in: the session's own clinic, named (decision 029).
                Optional<AccountState> state = TenantScope.clinic(user.clinicId(), () -> accounts.state(user.accountId()));
                String ended = state.filter(AccountState::active).isEmpty() ? "account deactivated"
                        : state.get().endedSince(signedInAt) ? "sessions ended"
                        : TenantScope.clinic(user.clinicId(), () -> sessionEnded(session, request, user, signedInAt));
                if (ended != null) {
                    end(session, user, ended, request);
                    if (request.getParameter("v-r") == null) {
                        // A page load goes straight to the sign-in page; Vaadin's own requests (a heartbeat, a click)
                        // find no session and send the tab there themselves.
                        response.sendRedirect(request.getContextPath() + "/" + landing(ended));
                        return;
                    }
                } else if (!state.get().matches(user)) {
                    session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                            refreshed(authentication, user, state.get()));
                }
            }
            chain.doFilter(request, response);
        }

        /** This session's own end: its row ended, or its maximum lifetime reached ({@link AccountSessions}). */
        private @Nullable String sessionEnded(HttpSession session, HttpServletRequest request, TandemUser user,
                Instant signedInAt) {
            return sessions.check(session, request, user, signedInAt);
        }

        private static String landing(String why) {
            return AccountSessions.LIFETIME_REACHED.equals(why) ? EXPIRED_LOCATION : ENDED_LOCATION;
        }

        private void end(HttpSession session, TandemUser user, String why, HttpServletRequest request) {
            // Taken out first, so that Vaadin's destroy listener does not record an idle sign-out as well.
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            events.publishEvent(AuditEvent.of(user, AuditAction.SESSION_ENDED, Subject.account(user.accountId()), why));
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // Another request of the same tab ended it a moment ago.
            }
            request.getSession(true).setAttribute(SessionEndedNote.ATTRIBUTE, why);
        }

        private static SecurityContext refreshed(Authentication authentication, TandemUser user, AccountState state) {
            TandemUser now = new TandemUser(user.accountId(), user.clinicId(), user.email(), state.displayName(),
                    state.roles(), true, null);
            // The factors stay as they were given (the passphrase's instant is what re-authentication measures from).
            List<GrantedAuthority> authorities = new ArrayList<>(now.getAuthorities());
            authentication.getAuthorities().stream().filter(FactorGrantedAuthority.class::isInstance)
                    .forEach(authorities::add);
            UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(now, null,
                    authorities);
            token.setDetails(authentication.getDetails());
            return new SecurityContextImpl(token);
        }
    }
}
