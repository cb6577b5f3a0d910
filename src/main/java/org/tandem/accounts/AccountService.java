package org.tandem.accounts;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.tandem.database.TenantScope;
import org.tandem.accounts.AuditEvent.Subject;

@Service
@Validated
@Transactional(readOnly = true)
public class AccountService {

    static final int MAX_PAGE_SIZE = 500;

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final SignInThrottle throttle;
    private final ThrottledCheck throttled;
    private final Reauthentication reauthentication;
    private final Clock clock;
    private final AccountSessions sessions;
    private final AccountSessionRepository sessionRows;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
            SignInThrottle throttle, ThrottledCheck throttled, Reauthentication reauthentication, Clock clock,
            AccountSessions sessions, AccountSessionRepository sessionRows) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.throttle = throttle;
        this.throttled = throttled;
        this.reauthentication = reauthentication;
        this.clock = clock;
        this.sessions = sessions;
        this.sessionRows = sessionRows;
    }

    /** A page of the signed-in admin's clinic's accounts, ordered by name. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AccountSummary> page(int offset, int limit) {
        return page(UserFilter.ALL, offset, limit);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public int count() {
        return count(UserFilter.ALL);
    }

    /** A page of the admin's clinic's accounts that match the filter, ordered by name. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AccountSummary> page(UserFilter filter, int offset, int limit) {
        Paging.check(offset, limit);
        return accounts.page(CurrentUser.require().clinicId(), filter, offset, Math.min(limit, MAX_PAGE_SIZE));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public int count(UserFilter filter) {
        return accounts.count(CurrentUser.require().clinicId(), filter);
    }

    /**
     * One account of the admin's clinic. An account of another clinic is refused (and the refusal kept) exactly
     * like one that does not exist.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public AccountDetails account(long accountId) {
        TandemUser admin = CurrentUser.require();
        return requireOfClinic(admin, accountId);
    }

    /**
     * Gives a staff account these roles (ADMIN, THERAPIST or both). Refused: no role, a partner's account or the
     * CLIENT role, and taking ADMIN from the clinic's last active admin. A save after someone else's is reported
     * as {@link StaleVersionException}. Nothing is written when refused. Asks for the admin's passphrase again when it
     * was given more than 5 minutes ago ({@link ReauthenticationRequiredException}).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountDetails changeRoles(long accountId, int version, Set<Role> roles) {
        TandemUser admin = CurrentUser.require();
        AccountDetails account = requireOfClinic(admin, accountId);
        reauthentication.require("roles of account " + accountId);
        if (roles.isEmpty()) {
            throw refused(admin, AuditAction.ACCOUNT_ROLES_CHANGED, accountId, "users.error.no-role");
        }
        if (!account.staff() || roles.contains(Role.CLIENT)) {
            throw refused(admin, AuditAction.ACCOUNT_ROLES_CHANGED, accountId, "users.error.not-staff");
        }
        if (account.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            requireAnotherAdmin(admin, accountId, AuditAction.ACCOUNT_ROLES_CHANGED);
        }
        Set<Role> before = EnumSet.copyOf(account.roles());
        Set<Role> after = EnumSet.copyOf(roles);
        if (!accounts.replaceRoles(admin.clinicId(), accountId, version, after)) {
            throw new StaleVersionException("Account " + accountId, requireOfClinic(admin, accountId));
        }
        events.publishEvent(AuditEvent.of(admin, AuditAction.ACCOUNT_ROLES_CHANGED, Subject.account(accountId),
                "roles " + before + " -> " + after));
        return requireOfClinic(admin, accountId);
    }

    /**
     * Deactivates an account: it can no longer sign in ({@link TandemUser#isEnabled()}). Refused for the admin's own
     * account and for the clinic's last active admin.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountDetails deactivate(long accountId, int version) {
        TandemUser admin = CurrentUser.require();
        AccountDetails account = requireOfClinic(admin, accountId);
        if (accountId == admin.accountId()) {
            throw refused(admin, AuditAction.ACCOUNT_DEACTIVATED, accountId, "users.error.deactivate-self");
        }
        if (account.active() && account.roles().contains(Role.ADMIN)) {
            requireAnotherAdmin(admin, accountId, AuditAction.ACCOUNT_DEACTIVATED);
        }
        return setActive(admin, accountId, version, false, AuditAction.ACCOUNT_DEACTIVATED);
    }

    /** Lets a deactivated account sign in again, with the roles it had. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountDetails reactivate(long accountId, int version) {
        TandemUser admin = CurrentUser.require();
        requireOfClinic(admin, accountId);
        return setActive(admin, accountId, version, true, AuditAction.ACCOUNT_REACTIVATED);
    }

    private AccountDetails setActive(TandemUser admin, long accountId, int version, boolean active,
            AuditAction action) {
        if (!accounts.setActive(admin.clinicId(), accountId, version, active)) {
            throw new StaleVersionException("Account " + accountId, requireOfClinic(admin, accountId));
        }
        events.publishEvent(AuditEvent.of(admin, action, Subject.account(accountId)));
        return requireOfClinic(admin, accountId);
    }

    private AccountDetails requireOfClinic(TandemUser admin, long accountId) {
        return accounts.details(admin.clinicId(), accountId).orElseThrow(() -> {
            events.publishEvent(AuditEvent.denied(admin, "account " + accountId, "not in the clinic"));
            return new AccessDeniedException("Account " + accountId + " is not in your clinic");
        });
    }

    /** Refuses when the account is the clinic's only active admin; the admins stay locked until the act ends. */
    private void requireAnotherAdmin(TandemUser admin, long accountId, AuditAction action) {
        List<Long> admins = accounts.lockActiveAdmins(admin.clinicId());
        if (admins.stream().noneMatch(id -> id != accountId)) {
            throw refused(admin, action, accountId, "users.error.last-admin");
        }
    }

    private RefusedException refused(TandemUser admin, AuditAction action, long accountId, String key) {
        events.publishEvent(AuditEvent.failed(admin, action, Subject.account(accountId), key));
        return new RefusedException(key);
    }

    /** Whether anyone can sign in at all; when not, the sign-in page offers the first-run setup. */
    @PreAuthorize("permitAll()")
    public boolean anyAccountExists() {
        return TenantScope.installation(accounts::anyAccountExists);
    }

    @PreAuthorize("permitAll()")
    public boolean emailTaken(String email) {
        String address = Emails.normalise(email);
        // An address holding a character no account can have (a NUL would fail in the database) is nobody's.
        return TypedText.Check.acceptable(address, false) && emailTakenInAnyClinic(address);
    }

    /** An e-mail signs in to one account of the whole installation: the one check across clinics (decision 029). */
    private boolean emailTakenInAnyClinic(String normalised) {
        return TenantScope.installation(() -> accounts.emailTaken(normalised));
    }

    /**
     * Creates the first admin of a clinic that has no accounts yet (first-run setup, demo data).
     * Refuses a clinic that already has accounts, so it cannot be used to add anyone later.
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public long createFirstAdmin(long clinicId, NewAccount account) {
        return TenantScope.clinic(clinicId, () -> firstAdmin(clinicId, account));
    }

    private long firstAdmin(long clinicId, NewAccount account) {
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
        return createAccount(clinicId, email, displayName, password, EnumSet.of(Role.CLIENT));
    }

    /**
     * Creates the staff account of someone who accepted a staff invitation, with the roles the admin gave (ADMIN,
     * THERAPIST or both). Like {@link #createInvitedAccount}, only inside the invitations feature's transaction.
     *
     * @throws EmailTakenException when an account with this e-mail already exists (in any clinic)
     */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.MANDATORY)
    public long createStaffAccount(long clinicId, String email, String displayName, String password, Set<Role> roles) {
        if (roles.isEmpty() || roles.contains(Role.CLIENT)) {
            throw new IllegalArgumentException("A staff account holds ADMIN, THERAPIST or both, not " + roles);
        }
        return createAccount(clinicId, email, displayName, password, EnumSet.copyOf(roles));
    }

    private long createAccount(long clinicId, String email, String displayName, String password, Set<Role> roles) {
        String normalised = Emails.normalise(email);
        if (emailTakenInAnyClinic(normalised)) {
            throw new EmailTakenException(normalised);
        }
        long id = TenantScope.clinic(clinicId, () -> accounts.insert(clinicId, normalised, displayName.strip(),
                passwordEncoder.encode(password), roles));
        events.publishEvent(AuditEvent.ofAccount(clinicId, id, normalised, AuditAction.ACCOUNT_CREATED,
                Subject.account(id), "roles " + roles));
        return id;
    }

    /** How long a locked e-mail or address waits, for the sign-in page's words. */
    @PreAuthorize("permitAll()")
    public Duration signInLockOut() {
        return throttle.lockFor();
    }

    /** The signed-in person's own account, for their Account page. */
    @PreAuthorize("isAuthenticated()")
    public MyAccount myAccount() {
        TandemUser me = CurrentUser.require();
        return accounts.myAccount(me.clinicId(), me.accountId())
                .orElseThrow(() -> new AccessDeniedException("Account " + me.accountId() + " is gone"));
    }

    /**
     * Changes the name the signed-in person is shown by.
     *
     * @throws StaleVersionException when the account was saved since {@code version} was read
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public MyAccount rename(@Valid AccountName name, int version) {
        TandemUser me = CurrentUser.require();
        String displayName = name.displayName().strip();
        if (!accounts.rename(me.clinicId(), me.accountId(), version, displayName)) {
            throw new StaleVersionException("Account " + me.accountId(),
                    accounts.myAccount(me.clinicId(), me.accountId()).orElse(null));
        }
        events.publishEvent(AuditEvent.of(me, AuditAction.ACCOUNT_RENAMED, Subject.account(me.accountId())));
        return myAccount();
    }

    /**
     * Changes the signed-in person's passphrase, given the current one, under the passphrase policy. Every other
     * session of the account ends at its next request; the one making the change stays signed in.
     *
     * @throws RefusedException {@code account.error.wrong-passphrase} when {@code current} is not the passphrase
     * (counted by the sign-in throttle), {@code account.error.locked} while the account is locked
     * @throws PasswordRejectedException when {@code chosen} breaks the policy
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changePassword(String current, String chosen) {
        TandemUser me = CurrentUser.require();
        throttled.require(me, AuditAction.PASSWORD_CHANGED, () -> accounts.passwordHash(me.clinicId(), me.accountId())
                .map(hash -> passwordEncoder.matches(current, hash)).orElse(false),
                "wrong current passphrase", "account.error.wrong-passphrase");
        PasswordCheck check = PasswordPolicy.check(chosen, List.of(me.email(), me.displayName()));
        if (!check.acceptable()) {
            throw new PasswordRejectedException(check);
        }
        Instant now = clock.instant();
        accounts.changePassword(me.clinicId(), me.accountId(), passwordEncoder.encode(chosen), now);
        SessionCheck.keepCurrentSession(now);
        sessionRows.endAll(me.clinicId(), me.accountId(), AccountSessions.current(), now);
        events.publishEvent(AuditEvent.of(me, AuditAction.PASSWORD_CHANGED, Subject.account(me.accountId()),
                "other sessions ended"));
    }

    /**
     * Ends every open session of the account at its next request (heartbeats included, so an open tab within a
     * minute), the caller's own too when it is theirs: "sign out everywhere", or an admin ending a colleague's
     * sessions. Allowed for the account itself and for an admin of its clinic; refused (and audited) otherwise.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void endSessions(long accountId) {
        TandemUser me = CurrentUser.require();
        boolean allowed = me.accountId() == accountId || me.hasRole(Role.ADMIN);
        Instant now = clock.instant();
        if (!allowed || !accounts.endSessions(me.clinicId(), accountId, now)) {
            events.publishEvent(AuditEvent.denied(me, "sessions of account " + accountId,
                    allowed ? "not in the clinic" : "not their own account"));
            throw new AccessDeniedException("Account " + accountId + " is not yours to sign out");
        }
        sessionRows.endAll(me.clinicId(), accountId, null, now);
        events.publishEvent(AuditEvent.of(me, AuditAction.SESSIONS_ENDED, Subject.account(accountId)));
    }

    /**
     * Sets the passphrase of an account whose reset link was just used. Only for the passphrase-reset feature, which
     * has checked the link and the passphrase and holds the link's row lock: it must run inside that transaction (a
     * caller without one is refused), so it cannot be used to change a passphrase on its own. Every open session of the
     * account ends at its next request: whoever held the old passphrase is out.
     *
     * @throws IllegalStateException when the clinic has no such account
     */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.MANDATORY)
    public void setPasswordByReset(long clinicId, long accountId, String password) {
        Instant now = clock.instant();
        TenantScope.clinic(clinicId, () -> {
            if (!accounts.changePassword(clinicId, accountId, passwordEncoder.encode(password), now)) {
                throw new IllegalStateException("No account " + accountId + " in clinic " + clinicId);
            }
            sessionRows.endAll(clinicId, accountId, null, now);
        });
    }

    // --- open sessions (issue 12, task s; docs/decisions/023-sign-in-security.md, "Open sessions") ---

    /** How long a session may last since its sign-in, however active; for the sign-in page's words. */
    @PreAuthorize("permitAll()")
    public Duration maxSessionLifetime() {
        return sessions.maxLifetime();
    }

    /**
     * The signed-in person's open sessions, the latest active first, the one asking marked {@code current}. Only
     * their own: never another account's, never another clinic's.
     */
    @PreAuthorize("isAuthenticated()")
    public List<OpenSession> mySessions() {
        TandemUser me = CurrentUser.require();
        return openSessions(me.clinicId(), me.accountId());
    }

    /** An account's open sessions, read only, for the admin of its clinic; another clinic's account is refused. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<OpenSession> sessionsOf(long accountId) {
        TandemUser admin = CurrentUser.require();
        requireOfClinic(admin, accountId);
        return openSessions(admin.clinicId(), accountId);
    }

    private List<OpenSession> openSessions(long clinicId, long accountId) {
        Instant now = clock.instant();
        return sessionRows.open(clinicId, accountId, AccountSessions.current(),
                now.minus(AccountSessions.LONGEST_IDLE), now.minus(sessions.maxLifetime()));
    }

    /**
     * Ends one of the signed-in person's own sessions (a browser on another device): it is signed out at its next
     * request, heartbeats included, so an open tab within a minute. Refused (and audited) for a session that is not
     * an open one of theirs, whoever's it is.
     */
    // ASVS 7.5.2 "having re-entered login credentials": refused while the passphrase is stale.
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void endSession(UUID publicId) {
        TandemUser me = CurrentUser.require();
        reauthentication.require("session " + publicId);
        if (!sessionRows.endOwn(me.clinicId(), me.accountId(), publicId, clock.instant())) {
            events.publishEvent(AuditEvent.denied(me, "session " + publicId, "not an open session of theirs"));
            throw new AccessDeniedException("Session " + publicId + " is not yours to end");
        }
        events.publishEvent(AuditEvent.of(me, AuditAction.ACCOUNT_SESSION_ENDED, Subject.account(me.accountId()),
                "session " + publicId));
    }

    /**
     * Ends every session of every account of the admin's clinic at its next request, except the admin's own current
     * one (a stolen laptop, a suspected intrusion). Other clinics are untouched. Returns how many open sessions
     * were listed; sessions that had not yet been seen end as well.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int endClinicSessions() {
        TandemUser admin = CurrentUser.require();
        reauthentication.require("every session of the clinic");
        Instant now = clock.instant();
        sessionRows.endClinicAccounts(admin.clinicId(), now);
        SessionCheck.keepCurrentSession(now);
        int ended = sessionRows.endAll(admin.clinicId(), null, AccountSessions.current(), now);
        events.publishEvent(AuditEvent.of(admin, AuditAction.CLINIC_SESSIONS_ENDED, Subject.clinic(admin.clinicId()),
                ended + " open sessions ended, the admin's own kept"));
        return ended;
    }

    /**
     * Whether an account of the signed-in admin's own clinic signs in with the address. The admin sees every account
     * of the clinic anyway, so this tells them nothing new; an account of another clinic is not looked at
     * (docs/decisions/028-no-e-mail-oracle.md).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean emailTakenInMyClinic(String email) {
        String address = Emails.normalise(email);
        return TypedText.Check.acceptable(address, false)
                && accounts.emailTakenInClinic(CurrentUser.require().clinicId(), address);
    }

    /**
     * The addresses of the clinic's active admins, for a mail telling them that something needs their attention.
     * Only inside another feature's transaction (an invitation that could not be completed).
     */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> activeAdminEmails(long clinicId) {
        return TenantScope.clinic(clinicId, () -> accounts.activeAdminEmails(clinicId));
    }
}
