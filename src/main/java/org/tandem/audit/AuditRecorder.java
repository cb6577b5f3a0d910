package org.tandem.audit;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.Emails;
import org.tandem.accounts.SignInNames;
import org.tandem.accounts.TandemUser;
import org.tandem.database.TenantScope;
import org.tandem.mail.MailGivenUp;

/**
 * Writes the audit trail: every {@link AuditEvent} the services publish, and Spring Security's sign-ins, sign-outs
 * and refusals. Listens synchronously, so a row that records a change commits or rolls back with that change; a
 * failure or refusal is written in a transaction of its own, since the act it records is about to roll back. Each
 * row carries the client's address when the act came in an HTTP request.
 */
@Component
class AuditRecorder {

    /** The actor of the rows the mail sender causes. */
    static final String MAIL_SENDER = "(mail sender)";

    private final AuditRepository audit;
    private final UserDetailsService accounts;
    private final SignInNames names;

    private final TransactionTemplate separately;

    AuditRecorder(AuditRepository audit, UserDetailsService accounts, SignInNames names,
            PlatformTransactionManager transactions) {
        this.audit = audit;
        this.accounts = accounts;
        this.names = names;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    @Transactional
    public void on(AuditEvent event) {
        @Nullable String address = address();
        if (event.outcome().survivesRollback()) {
            separately.executeWithoutResult(status -> insert(event, address));
        } else {
            insert(event, address);
        }
    }

    /**
     * In the event's own clinic, whoever is signed in (many rows are written before or after a sign-in: a sign-in, a
     * refused link, an idle sign-out); a row that names no clinic (an unknown e-mail) in the installation's scope,
     * the only one that sees such rows (decision 029).
     */
    private void insert(AuditEvent event, @Nullable String address) {
        Long clinicId = event.clinicId();
        if (clinicId == null) {
            TenantScope.installation(() -> audit.insert(event, address));
        } else {
            TenantScope.clinic(clinicId, () -> audit.insert(event, address));
        }
    }

    /**
     * The client's address of the HTTP request being served (a sign-in, a Vaadin request, a download), as the
     * servlet container resolved it: behind a reverse proxy that is the proxy's address unless
     * {@code server.forward-headers-strategy} tells Spring to trust its forwarded headers, so a client cannot write
     * an address of its choosing. None for work without a request (a scheduled job, the demo loader).
     */
    private static @Nullable String address() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : null;
    }

    @EventListener
    @Transactional
    public void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof TandemUser user) {
            on(AuditEvent.of(user, AuditAction.SIGNED_IN, Subject.account(user.accountId())));
        }
    }

    @EventListener
    @Transactional
    public void on(AbstractAuthenticationFailureEvent event) {
        // A name no account has is kept only as its keyed hash: it may be a passphrase typed into the wrong field.
        String email = Emails.normalise(event.getAuthentication().getName());
        // The address, for an admin reading the trail (and the throttle's lock-outs) to see where attempts came from.
        String reason = event.getException().getClass().getSimpleName()
                + (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null ? " from " + details.getRemoteAddress() : "");
        on(findAccount(email)
                .map(user -> AuditEvent.failed(user, AuditAction.SIGNED_IN, Subject.account(user.accountId()), reason))
                .orElseGet(() -> new AuditEvent(null, null, email.isEmpty() ? "(blank)" : names.hashed(email),
                        AuditAction.SIGNED_IN, null, Outcome.FAILURE, reason)));
    }

    @EventListener
    @Transactional
    public void on(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof TandemUser user) {
            on(AuditEvent.of(user, AuditAction.SIGNED_OUT, Subject.account(user.accountId())));
        }
    }

    /**
     * The outbox gave up a mail. Mail sits below accounts (any feature may send it), so it cannot publish an
     * {@link AuditEvent} itself; no one is signed in when the sender runs.
     */
    @EventListener
    @Transactional
    public void on(MailGivenUp event) {
        on(new AuditEvent(event.clinicId(), null, MAIL_SENDER, AuditAction.MAIL_GIVEN_UP,
                new Subject("mail_outbox", event.mailId()), Outcome.FAILURE,
                event.subjectKey() + " after " + event.attempts() + " attempts: " + event.lastError()));
    }

    /** A method-security refusal; like every refusal, its row gets a transaction of its own. */
    @EventListener
    public void on(AuthorizationDeniedEvent<?> event) {
        Authentication authentication = event.getAuthentication().get();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return; // an anonymous visitor is sent to sign in, not refused
        }
        CurrentUser.find()
                .or(() -> authentication.getPrincipal() instanceof TandemUser user
                        ? Optional.of(user)
                        : Optional.empty())
                .ifPresent(user -> on(AuditEvent.denied(user, describe(event.getSource()), "not authorised")));
    }

    private Optional<TandemUser> findAccount(String email) {
        try {
            return accounts.loadUserByUsername(email) instanceof TandemUser user ? Optional.of(user) : Optional.empty();
        } catch (UsernameNotFoundException unknown) {
            return Optional.empty();
        }
    }

    private static String describe(Object source) {
        if (source instanceof org.aopalliance.intercept.MethodInvocation invocation) {
            return "call " + invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                    + invocation.getMethod().getName();
        }
        return "request " + source;
    }
}
