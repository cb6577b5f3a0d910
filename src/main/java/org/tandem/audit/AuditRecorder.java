package org.tandem.audit;

import java.util.Locale;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AccessRefused;
import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.SignedOut;
import org.tandem.accounts.TandemUser;

/**
 * Writes the audit trail. Listens synchronously, so a row that records a change commits or rolls
 * back with that change; events raised outside a transaction get one of their own.
 */
@Component
class AuditRecorder {

    private final AuditRepository audit;
    private final UserDetailsService accounts;

    private final TransactionTemplate separately;

    AuditRecorder(AuditRepository audit, UserDetailsService accounts, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.accounts = accounts;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void on(Audited event) {
        if (event.survivesRollback()) {
            separately.executeWithoutResult(status -> audit.insert(event.auditEntry()));
        } else {
            audit.insert(event.auditEntry());
        }
    }

    @EventListener
    @Transactional
    public void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof TandemUser user) {
            audit.insert(AuditEntry.by(user, "auth.sign-in", "account", user.accountId(), AuditEntry.Outcome.SUCCESS,
                    null));
        }
    }

    @EventListener
    @Transactional
    public void on(AbstractAuthenticationFailureEvent event) {
        String email = String.valueOf(event.getAuthentication().getName()).strip().toLowerCase(Locale.ROOT);
        String reason = event.getException().getClass().getSimpleName();
        audit.insert(findAccount(email)
                .map(user -> AuditEntry.by(user, "auth.sign-in", "account", user.accountId(),
                        AuditEntry.Outcome.FAILURE, reason))
                .orElseGet(() -> new AuditEntry(null, null, email.isEmpty() ? "(blank)" : email, "auth.sign-in",
                        null, null, AuditEntry.Outcome.FAILURE, reason)));
    }

    @EventListener
    @Transactional
    public void on(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof TandemUser user) {
            audit.insert(new SignedOut(user, false).auditEntry());
        }
    }

    /**
     * A method-security refusal. It arrives before the refused method's transaction would have begun,
     * and the caller's transaction (if any) is about to roll back, so the row gets its own.
     */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AuthorizationDeniedEvent<?> event) {
        Authentication authentication = event.getAuthentication().get();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return; // an anonymous visitor is sent to sign in, not refused
        }
        CurrentUser.find()
                .or(() -> authentication.getPrincipal() instanceof TandemUser user
                        ? Optional.of(user)
                        : Optional.empty())
                .ifPresent(user -> audit.insert(
                        new AccessRefused(user, describe(event.getSource()), "not authorised").auditEntry()));
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
