package org.tandem.invitations.ui;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs in the person who has just accepted their invitation exactly as the sign-in form would have: the e-mail and
 * the passphrase just chosen go through the application's one authentication provider, so a staff member of a clinic
 * that requires a second factor is signed in only partly and sent to enrol it before anything else
 * (docs/decisions/025-second-factor.md); the session gets a new id (no session fixation), the security context is
 * stored in the HTTP session, and the sign-in is audited.
 */
@Component
class InvitationSignIn {

    private final AuthenticationProvider accounts;
    private final SecurityContextHolderStrategy strategy;
    private final ApplicationEventPublisher events;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    InvitationSignIn(AuthenticationProvider accounts, SecurityContextHolderStrategy strategy,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.strategy = strategy;
        this.events = events;
    }

    void signIn(String email, String passphrase) {
        Authentication authentication = Objects.requireNonNull(
                accounts.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, passphrase)),
                "the provider answers for an e-mail and passphrase");
        // As Spring Security's ProviderManager does after a sign-in: no passphrase nor its hash stays in the session.
        if (authentication instanceof CredentialsContainer credentials) {
            credentials.eraseCredentials();
        }
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(authentication);
        strategy.setContext(context);

        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        HttpServletRequest http = request.getHttpServletRequest();
        http.changeSessionId();
        repository.saveContext(context, http, response.getHttpServletResponse());
        events.publishEvent(new AuthenticationSuccessEvent(authentication));
    }
}
