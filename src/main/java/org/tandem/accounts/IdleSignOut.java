package org.tandem.accounts;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a person out after a period without interaction, even with the tab left open.
 * Vaadin's heartbeats keep the HTTP session alive, so Vaadin closes idle UIs itself
 * ({@code vaadin.closeIdleSessions}); when it drops the Vaadin session we invalidate the HTTP
 * session too, which removes the Spring Security context with it.
 */
@Component
class IdleSignOut implements VaadinServiceInitListener, HttpSessionListener {

    /** Where a tab lands after its session ended; the sign-in page shows a note for the {@code idle} parameter. */
    static final String IDLE_SIGN_OUT_LOCATION = "login?idle";

    private final Duration idleTimeout;
    private final ApplicationEventPublisher events;

    IdleSignOut(@Value("${tandem.security.idle-timeout:15m}") Duration idleTimeout, ApplicationEventPublisher events) {
        this.idleTimeout = idleTimeout;
        this.events = events;
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

        event.getSource().addSessionDestroyListener(destroyed -> {
            WrappedSession session = destroyed.getSession().getSession();
            if (session == null) {
                return;
            }
            try {
                if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                                instanceof SecurityContext context
                        && context.getAuthentication() != null
                        && context.getAuthentication().getPrincipal() instanceof TandemUser user) {
                    events.publishEvent(new SignedOut(user, true));
                }
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // Signed out on purpose, or the container expired the session first: nothing left to do.
            }
        });
    }
}
