package org.tandem.invitations.ui;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.tandem.accounts.TandemUser;

/**
 * Signs in the partner who has just accepted their invitation, as the sign-in form would have: the
 * account is loaded as at sign-in, the session gets a new id (no session fixation), the security
 * context is stored in the HTTP session, and the sign-in is audited.
 */
@Component
class InvitationSignIn {

    private final UserDetailsService accounts;
    private final SecurityContextHolderStrategy strategy;
    private final ApplicationEventPublisher events;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    InvitationSignIn(UserDetailsService accounts, SecurityContextHolderStrategy strategy,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.strategy = strategy;
        this.events = events;
    }

    void signIn(String email) {
        TandemUser user = (TandemUser) accounts.loadUserByUsername(email);
        user.eraseCredentials();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
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
