package org.tandem.accounts;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AuditEvent.Subject;

@Service
@Transactional(readOnly = true)
public class AccountService {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    /** A page of the signed-in admin's clinic's accounts, ordered by name. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AccountSummary> page(int offset, int limit) {
        return accounts.page(CurrentUser.require().clinicId(), offset, limit);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public int count() {
        return accounts.count(CurrentUser.require().clinicId());
    }

    /** Whether anyone can sign in at all; when not, the sign-in page offers the first-run setup. */
    @PreAuthorize("permitAll()")
    public boolean anyAccountExists() {
        return accounts.anyAccountExists();
    }

    @PreAuthorize("permitAll()")
    public boolean emailTaken(String email) {
        return accounts.emailTaken(email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Creates the first admin of a clinic that has no accounts yet (first-run setup, demo data).
     * Refuses a clinic that already has accounts, so it cannot be used to add anyone later.
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public long createFirstAdmin(long clinicId, NewAccount account) {
        if (accounts.clinicHasAccounts(clinicId)) {
            throw new IllegalStateException("Clinic " + clinicId + " already has accounts");
        }
        long id = accounts.insert(clinicId, account.email(), account.displayName(),
                passwordEncoder.encode(account.password()), EnumSet.of(Role.ADMIN));
        events.publishEvent(AuditEvent.ofAccount(clinicId, id, account.email(), AuditAction.ACCOUNT_CREATED,
                Subject.account(id), "roles [ADMIN]"));
        return id;
    }

    /**
     * Creates the CLIENT account of a partner who accepted their invitation. Only for the invitations
     * feature, which has checked the invitation and the password and holds the invitation's row lock:
     * it must run inside that transaction (a caller without one is refused), so it cannot be used to
     * add an account on its own.
     *
     * @throws EmailTakenException when an account with this e-mail already exists (in any clinic)
     */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.MANDATORY)
    public long createInvitedAccount(long clinicId, String email, String displayName, String password) {
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        if (accounts.emailTaken(normalised)) {
            throw new EmailTakenException(normalised);
        }
        long id = accounts.insert(clinicId, normalised, displayName.strip(), passwordEncoder.encode(password),
                EnumSet.of(Role.CLIENT));
        events.publishEvent(AuditEvent.ofAccount(clinicId, id, normalised, AuditAction.ACCOUNT_CREATED,
                Subject.account(id), "roles [CLIENT]"));
        return id;
    }

    /**
     * Sets the passphrase of an account whose reset link was just used. Only for the passphrase-reset feature, which
     * has checked the link and the passphrase and holds the link's row lock: it must run inside that transaction (a
     * caller without one is refused), so it cannot be used to change a passphrase on its own.
     *
     * @throws IllegalStateException when the clinic has no such account
     */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.MANDATORY)
    public void setPasswordByReset(long clinicId, long accountId, String password) {
        if (accounts.updatePasswordHash(clinicId, accountId, passwordEncoder.encode(password)) != 1) {
            throw new IllegalStateException("No account " + accountId + " in clinic " + clinicId);
        }
    }
}
