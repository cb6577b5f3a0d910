package org.tandem.accounts;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.ui.AccountRoutes;
import org.tandem.database.TenantScope;

/**
 * Signs a person out after {@code tandem.security.idle-timeout} without interaction, even with the tab left open
 * (docs/decisions/005-idle-sign-out.md); the clinic's admin may set another length for the clinic. Idleness is measured on the application's {@link Clock}: every request
 * but Vaadin's heartbeat counts as interaction; the first request after the timeout (a heartbeat arrives every
 * minute from an open tab) ends the session, before Spring Security reads it, and the tab goes to the sign-in page,
 * which says why. The container's own session timeout and Vaadin's {@code closeIdleSessions} stay as a backstop for
 * sessions whose tab was closed.
 */
@Configuration(proxyBeanMethods = false)
class IdleSignOut implements VaadinServiceInitListener, HttpSessionListener {

    /** Where a tab lands after its session ended; the sign-in page shows a note for the {@code idle} parameter. */
    static final String IDLE_SIGN_OUT_LOCATION = AccountRoutes.LOGIN + "?idle";

    /** The session attribute holding the instant of the last interaction. */
    static final String LAST_INTERACTION = IdleSignOut.class.getName() + ".lastInteraction";

    private final Duration idleTimeout;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<IdleTimeouts> clinicTimeouts;

    /**
     * {@code idleTimeout} is the default; a signed-in person's clinic may set its own ({@link IdleTimeouts}, read
     * on every request, so that an admin's change applies at once).
     */
    IdleSignOut(@Value("${tandem.security.idle-timeout:15m}") Duration idleTimeout, ApplicationEventPublisher events,
            Clock clock, ObjectProvider<IdleTimeouts> clinicTimeouts) {
        this.idleTimeout = idleTimeout;
        this.events = events;
        this.clock = clock;
        this.clinicTimeouts = clinicTimeouts;
    }

    private Duration timeoutOf(TandemUser user) {
        IdleTimeouts timeouts = clinicTimeouts.getIfAvailable();
        // Read before Spring Security has restored the session's sign-in: in its clinic, named (decision 029).
        return timeouts == null ? idleTimeout
                : TenantScope.clinic(user.clinicId(), () -> timeouts.idleTimeout(user.clinicId()));
    }

    /**
     * Runs before Spring Security's filters, so that a session ended here is not read as signed in, and before
     * {@link SessionCheck}'s, which need not look at a session that idled out.
     */
    @Bean
    FilterRegistrationBean<IdleFilter> idleSignOutFilter() {
        FilterRegistrationBean<IdleFilter> registration = new FilterRegistrationBean<>(new IdleFilter());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2);
        return registration;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval((int) Math.max(1, idleTimeout.toSeconds()));
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // A tab whose session has ended goes to the sign-in page, which says why.
        String contextPath = event.getSource() instanceof VaadinServletService servletService
                ? servletService.getServlet().getServletContext().getContextPath()
                : "";
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(false);
        messages.setSessionExpiredURL(contextPath + "/" + IDLE_SIGN_OUT_LOCATION);
        event.getSource().setSystemMessagesProvider(info -> messages);

        // The backstop: the container or Vaadin ended the session (a closed tab's session timed out).
        event.getSource().addSessionDestroyListener(destroyed -> {
            WrappedSession session = destroyed.getSession().getSession();
            if (session == null) {
                return;
            }
            try {
                TandemUser user = signedIn(session.getAttribute(
                        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY));
                if (user != null) {
                    events.publishEvent(signedOut(user));
                }
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // Signed out on purpose, or the session ended first: nothing left to do.
            }
        });
    }

    private static AuditEvent signedOut(TandemUser user) {
        return AuditEvent.of(user, AuditAction.SIGNED_OUT_IDLE, Subject.account(user.accountId()));
    }

    private static @Nullable TandemUser signedIn(@Nullable Object securityContext) {
        return securityContext instanceof SecurityContext context && context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof TandemUser user ? user : null;
    }

    /** Ends a session idle for longer than the timeout; otherwise notes the interaction. */
    final class IdleFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            if (session != null) {
                Instant now = clock.instant();
                TandemUser signedIn = signedIn(
                        session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY));
                Duration timeout = signedIn == null ? idleTimeout : timeoutOf(signedIn);
                TandemUser user = signedIn != null && session.getAttribute(LAST_INTERACTION) instanceof Instant last
                        && !now.isBefore(last.plus(timeout))
                        ? signedIn
                        : null;
                if (signedIn != null && user == null) {
                    // The container's backstop follows the clinic's timeout.
                    session.setMaxInactiveInterval((int) Math.max(1, timeout.toSeconds()));
                }
                if (user != null) {
                    // Taken out first, so that Vaadin's destroy listener does not record the sign-out twice.
                    session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
                    events.publishEvent(signedOut(user));
                    invalidate(session);
                    if (request.getParameter("v-r") == null) {
                        // A page load: straight to the sign-in page with its note. Vaadin's own requests (a
                        // heartbeat, a click) find no session and send the tab there themselves.
                        response.sendRedirect(request.getContextPath() + "/" + IDLE_SIGN_OUT_LOCATION);
                        return;
                    }
                } else if (!"heartbeat".equals(request.getParameter("v-r"))) {
                    session.setAttribute(LAST_INTERACTION, now);
                }
            }
            chain.doFilter(request, response);
        }

        private static void invalidate(HttpSession session) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // Another request of the same tab ended it a moment ago.
            }
        }
    }
}
