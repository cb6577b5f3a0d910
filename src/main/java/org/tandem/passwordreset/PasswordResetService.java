package org.tandem.passwordreset;

import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import org.tandem.database.TenantScope;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.LinkToken;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.TandemUser;
import org.tandem.clinic.ClinicTime;
import org.tandem.accounts.PasswordCheck;
import org.tandem.accounts.PasswordPolicy;
import org.tandem.accounts.PasswordRejectedException;
import org.tandem.mail.Mail;
import org.tandem.mail.Outbox;
import org.tandem.passwordreset.PasswordResetRepository.Found;
import org.tandem.passwordreset.PasswordResetRepository.Holder;
import org.tandem.passwordreset.ResetRefusedException.Reason;

/**
 * Links that let a person choose a new passphrase (docs/decisions/027-passphrase-reset.md). A link works once, for
 * {@link #VALID_FOR}, and a newer one voids the older ones; only the SHA-256 of its token is stored, as for
 * invitations. Using it sets the passphrase and nothing else: it does not sign the person in, so a second factor is
 * never bypassed. Asking for one by e-mail answers the same words after the same time whether or not the address has
 * an account; an admin may issue one for an active account of their own clinic.
 */
@Service
@Validated
public class PasswordResetService {

    /** The route of the page that sets a new passphrase; a link is this plus the token. */
    public static final String RESET_ROUTE_PREFIX = "reset-password/";

    /** How long a link works. */
    public static final Duration VALID_FOR = Duration.ofHours(1);

    /** Links a person may ask for themselves per hour; more would let anyone flood their inbox. */
    static final int REQUESTS_PER_HOUR = 3;

    private final PasswordResetRepository resets;
    private final AccountService accounts;
    private final Outbox outbox;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate inTransaction;
    private final Duration answerAfter;
    private final String publicUrl;

    PasswordResetService(PasswordResetRepository resets, AccountService accounts, Outbox outbox, ClinicTime time,
            ApplicationEventPublisher events, PlatformTransactionManager transactions,
            @Value("${tandem.password-reset.answer-after:1s}") Duration answerAfter,
            @Value("${tandem.public-url:http://localhost:8080}") String publicUrl) {
        this.resets = resets;
        this.accounts = accounts;
        this.outbox = outbox;
        this.time = time;
        this.events = events;
        this.inTransaction = new TransactionTemplate(transactions);
        this.answerAfter = answerAfter;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * Someone who forgot their passphrase asks for a link to be e-mailed to their address. Whether or not the address
     * has an account (active, not asking too often), the answer is the same and comes no sooner than
     * {@code tandem.password-reset.answer-after} after the request began, measured on the JVM's monotonic timer
     * (the application's clock is a calendar, and a test's stands still): the work done for a known address (a row,
     * a mail in the outbox, their commit) cannot be timed from outside. Every request is audited.
     */
    @PreAuthorize("permitAll()")
    public ResetRequestAnswer request(@Valid ResetRequest request, Locale locale) {
        long started = System.nanoTime();
        try {
            inTransaction.executeWithoutResult(status -> mailLink(request.email(), locale));
        } finally {
            waitUntil(started + answerAfter.toNanos());
        }
        return outbox.configured() ? ResetRequestAnswer.LINK_MAILED_IF_KNOWN : ResetRequestAnswer.ASK_YOUR_CLINIC;
    }

    private void mailLink(String email, Locale locale) {
        // Made for every request, known address or not, so that both do the same work up to the lookup.
        String token = LinkToken.generate();
        String tokenHash = LinkToken.hash(token);
        // The address names no clinic: the one look-up across clinics (decision 029).
        Holder holder = TenantScope.installation(() -> resets.holderByEmail(email)).orElse(null);
        if (holder == null) {
            events.publishEvent(new AuditEvent(null, null, actor(email), AuditAction.PASSWORD_RESET_REQUESTED, null,
                    Outcome.FAILURE, "no account with this e-mail"));
            return;
        }
        TenantScope.clinic(holder.clinicId(), () -> mailLink(holder, token, tokenHash, locale));
    }

    private void mailLink(Holder holder, String token, String tokenHash, Locale locale) {
        Instant now = time.now();
        String refusal = whyNoLink(holder, now);
        if (refusal != null) {
            events.publishEvent(AuditEvent.anonymous(holder.clinicId(), AuditAction.PASSWORD_RESET_REQUESTED,
                    Subject.account(holder.accountId()), Outcome.FAILURE, refusal));
            return;
        }
        long id = issue(holder, token, tokenHash, null, now, locale);
        events.publishEvent(AuditEvent.ofAccount(holder.clinicId(), holder.accountId(), holder.email(),
                AuditAction.PASSWORD_RESET_REQUESTED, subject(id), "e-mailed"));
    }

    /** Why an account that asked for a link gets none (for the audit only: the answer is the same), or null. */
    private @Nullable String whyNoLink(Holder holder, Instant now) {
        if (!holder.active()) {
            return "account deactivated";
        }
        if (!outbox.configured()) {
            return "mail is not configured: ask the clinic";
        }
        if (resets.requestedSince(holder.clinicId(), holder.accountId(), now.minus(Duration.ofHours(1)))
                >= REQUESTS_PER_HOUR) {
            return "more than " + REQUESTS_PER_HOUR + " requests within an hour";
        }
        return null;
    }

    /**
     * An admin issues a reset link for an active account of their own clinic, to give to its holder; it is also
     * e-mailed to the account's address when mail is configured. Voids the account's older links.
     *
     * @throws RefusedException when the clinic has no such account or it is deactivated
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public IssuedReset issueFor(long accountId) {
        TandemUser admin = CurrentUser.require();
        Holder holder = resets.holder(admin.clinicId(), accountId).orElseThrow(
                () -> notPossible(admin, accountId, "no account of this clinic", "password-reset.issue.error.unknown"));
        if (!holder.active()) {
            throw notPossible(admin, accountId, "account deactivated", "password-reset.issue.error.inactive");
        }
        String token = LinkToken.generate();
        Instant now = time.now();
        long id = issue(holder, token, LinkToken.hash(token), admin.accountId(), now,
                LocaleContextHolder.getLocale());
        boolean mailed = outbox.configured();
        events.publishEvent(AuditEvent.of(admin, AuditAction.PASSWORD_RESET_ISSUED, subject(id),
                "account " + accountId + (mailed ? ", e-mailed" : ", shown only")));
        return new IssuedReset(link(token), now.plus(VALID_FOR), mailed);
    }

    /** Voids the account's older links, stores the new one and e-mails it when mail is configured. */
    private long issue(Holder holder, String token, String tokenHash, @Nullable Long requestedBy, Instant now,
            Locale locale) {
        Instant expiresAt = now.plus(VALID_FOR);
        resets.voidPending(holder.clinicId(), holder.accountId(), now);
        long id = resets.insert(holder.clinicId(), holder.accountId(), tokenHash, requestedBy, now, expiresAt);
        outbox.enqueue(new Mail(holder.clinicId(), holder.email(), locale, "mail.password-reset.subject",
                "mail.password-reset.body", List.of(link(token), time.format(holder.clinicId(), locale).longDateTime(expiresAt))));
        return id;
    }

    /**
     * Whose passphrase a link sets, for the page it leads to.
     *
     * @throws ResetRefusedException when the link is unknown, used, voided, expired or its account deactivated
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public ResetPreview preview(String token) {
        Found found = findUsable(token, false, AuditAction.PASSWORD_RESET_OPENED);
        Holder holder = found.holder();
        events.publishEvent(AuditEvent.anonymous(holder.clinicId(), AuditAction.PASSWORD_RESET_OPENED, subject(
                found.id()), Outcome.SUCCESS, null));
        return new ResetPreview(holder.email(), found.expiresAt().toInstant(), personalWords(holder),
                holder.clinicId());
    }

    /**
     * Sets the account's new passphrase with the link, which then no longer works; holds the link's row lock, so
     * it works exactly once. Does not sign anyone in.
     *
     * @throws ResetRefusedException when the link cannot be used; nothing is changed
     * @throws PasswordRejectedException when the passphrase breaks the policy; nothing is changed
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public void reset(String token, String password) {
        Found found = findUsable(token, true, AuditAction.PASSWORD_RESET_USED);
        TenantScope.clinic(found.holder().clinicId(), () -> reset(found, password));
    }

    private void reset(Found found, String password) {
        Holder holder = found.holder();
        PasswordCheck check = PasswordPolicy.check(password, personalWords(holder));
        if (!check.acceptable()) {
            events.publishEvent(AuditEvent.anonymous(holder.clinicId(), AuditAction.PASSWORD_RESET_USED,
                    subject(found.id()), Outcome.FAILURE, "password " + check.problem()));
            throw new PasswordRejectedException(check);
        }
        accounts.setPasswordByReset(holder.clinicId(), holder.accountId(), password);
        resets.markUsed(found.id(), time.now());
        events.publishEvent(AuditEvent.ofAccount(holder.clinicId(), holder.accountId(), holder.email(),
                AuditAction.PASSWORD_RESET_USED, subject(found.id()), "passphrase set"));
    }

    private Found findUsable(String token, boolean lock, AuditAction action) {
        if (!LinkToken.wellFormed(token)) {
            throw refused(action, null, Reason.UNKNOWN);
        }
        String hash = LinkToken.hash(token);
        // The link names no clinic: the one look-up across clinics, by the token's hash (decision 029).
        Found found = TenantScope.installation(() -> lock ? resets.lock(hash) : resets.find(hash))
                .orElseThrow(() -> refused(action, null, Reason.UNKNOWN));
        if (found.usedAt() != null) {
            throw refused(action, found, Reason.USED);
        }
        if (found.voidedAt() != null) {
            throw refused(action, found, Reason.VOIDED);
        }
        if (!found.expiresAt().toInstant().isAfter(time.now())) {
            throw refused(action, found, Reason.EXPIRED);
        }
        if (!found.holder().active()) {
            throw refused(action, found, Reason.INACTIVE);
        }
        return found;
    }

    private ResetRefusedException refused(AuditAction action, @Nullable Found found, Reason reason) {
        events.publishEvent(found == null ? AuditEvent.anonymous(null, action, null, Outcome.FAILURE, reason.name())
                : AuditEvent.anonymous(found.holder().clinicId(), action, subject(found.id()), Outcome.FAILURE,
                        reason.name()));
        return new ResetRefusedException(reason);
    }

    private RefusedException notPossible(TandemUser admin, long accountId, String why, String messageKey) {
        events.publishEvent(AuditEvent.failed(admin, AuditAction.PASSWORD_RESET_ISSUED, Subject.account(accountId),
                why));
        return new RefusedException(messageKey);
    }

    private String link(String token) {
        return publicUrl + "/" + RESET_ROUTE_PREFIX + token;
    }

    private static Subject subject(long resetId) {
        return new Subject("password_reset", resetId);
    }

    private static List<String> personalWords(Holder holder) {
        return List.of(holder.email(), holder.displayName(), holder.clinicName());
    }

    /** The audit's actor for an address without an account: what was typed, as a failed sign-in records it. */
    private static String actor(String email) {
        return email.length() <= 254 ? email : email.substring(0, 254);
    }

    private static void waitUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(left);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
