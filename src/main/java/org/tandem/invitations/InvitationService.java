package org.tandem.invitations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.database.TenantScope;
import org.tandem.accounts.PasswordCheck;
import org.tandem.accounts.PasswordPolicy;
import org.tandem.accounts.PasswordRejectedException;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.LinkToken;
import org.tandem.accounts.Role;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.TandemUser;
import org.tandem.clinic.ClinicLimits;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleAccess;
import org.tandem.invitations.InvitationRefusedException.Reason;
import org.tandem.invitations.InvitationRepository.Found;
import org.tandem.invitations.InvitationRepository.Invitee;
import org.tandem.invitations.InvitationRepository.Latest;
import org.tandem.mail.Mail;
import org.tandem.mail.Outbox;

/**
 * Invitations for the partners of a couple, and the acceptance of every link (a staff member's too, issued by
 * {@link StaffInvitationService}). A link carries 32 random bytes; only their SHA-256 is
 * stored, so the link is shown once, when it is issued, and a copy of the database cannot be used to
 * sign in. Issuing is for the couple's therapists; opening and accepting are for whoever holds the link.
 */
@Service
@Transactional
public class InvitationService {

    /** The route of the page that accepts an invitation; a link is this plus the token. */
    public static final String ACCEPT_ROUTE_PREFIX = "invitation/";

    private final InvitationRepository invitations;
    private final CoupleAccess access;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final ClinicLimits limits;
    private final ClinicTime time;
    private final InvitationMail mail;

    InvitationService(InvitationRepository invitations, CoupleAccess access, AccountService accounts,
            ApplicationEventPublisher events, ClinicLimits limits, ClinicTime time, InvitationMail mail) {
        this.invitations = invitations;
        this.access = access;
        this.accounts = accounts;
        this.events = events;
        this.limits = limits;
        this.time = time;
        this.mail = mail;
    }

    /** How long after issuing a partner's link a new one for the same address is refused as the same click sent twice. */
    static final java.time.Duration RESUBMIT_WINDOW = java.time.Duration.ofMinutes(1);

    /**
     * A new link for one partner of one of the therapist's couples; voids the partner's pending links. When mail is
     * configured the link is e-mailed to the partner too (in the therapist's locale: the partner's is not known), in
     * this transaction.
     *
     * <p>Whether another account (of this clinic or another) signs in with the address is not looked at: the answer
     * must not tell the therapist (docs/decisions/028-no-e-mail-oracle.md). Such a clash is found when the link is
     * accepted, and the clinic is told then.
     *
     * @throws RefusedException when the partner has no e-mail or already has an account, or when a link for the same
     *     address was issued less than {@link #RESUBMIT_WINDOW} ago (a double click would otherwise void the link
     *     it had just sent and mail a second one)
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public IssuedInvitation issueForPartner(long coupleId, int position) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        Invitee invitee = invitations.invitee(therapist.clinicId(), coupleId, position)
                .orElseThrow(() -> notPossible(therapist, coupleId, NotPossible.NO_SUCH_PARTNER));
        if (invitee.accountId() != null) {
            throw notPossible(therapist, coupleId, NotPossible.HAS_ACCOUNT);
        }
        String email = invitee.email();
        if (email == null || email.isBlank()) {
            throw notPossible(therapist, coupleId, NotPossible.NO_EMAIL);
        }
        Instant now = time.now();
        if (invitations.pendingIssuedSince(therapist.clinicId(), invitee.partnerId(), email, now.minus(RESUBMIT_WINDOW))) {
            throw notPossible(therapist, coupleId, NotPossible.JUST_ISSUED);
        }
        Instant expiresAt = now.plus(limits.invitationValidity(therapist.clinicId()));
        int voided = invitations.voidPending(therapist.clinicId(), invitee.partnerId(), now);
        String token = LinkToken.generate();
        long id = invitations.insert(therapist.clinicId(), invitee.partnerId(), email, LinkToken.hash(token),
                therapist.accountId(), now, expiresAt);
        String path = ACCEPT_ROUTE_PREFIX + token;
        boolean mailed = mail.send(therapist.clinicId(), email, path, expiresAt);
        events.publishEvent(AuditEvent.of(therapist, AuditAction.INVITATION_ISSUED, Subject.invitation(id),
                "couple " + coupleId + ", partner " + position + (voided > 0 ? ", voided " + voided + " older" : "")
                        + (mailed ? ", e-mailed" : "")));
        return new IssuedInvitation(position, path, expiresAt, mailed);
    }

    /**
     * Each partner's invitation state, in partner order, judged by their newest link. A link issued for an
     * e-mail address the partner no longer has counts as voided: it can no longer be accepted.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public List<PartnerInvitation> stateForPartners(long coupleId) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        Instant now = time.now();
        List<PartnerInvitation> states = invitations.latestPerPartner(therapist.clinicId(), coupleId).stream()
                .map(latest -> state(latest, now))
                .toList();
        events.publishEvent(AuditEvent.of(therapist, AuditAction.INVITATIONS_READ, Subject.couple(coupleId)));
        return states;
    }

    /**
     * Whom a link is for, for the page that accepts it.
     *
     * @throws InvitationRefusedException when the link is unknown, used, expired or voided
     */
    @PreAuthorize("permitAll()")
    public InvitationPreview preview(String token) {
        Found found = findUsable(token, false, AuditAction.INVITATION_OPENED);
        return TenantScope.clinic(found.clinicId(), () -> preview(found));
    }

    private InvitationPreview preview(Found found) {
        String staffName = found.displayName();
        if (found.partnerId() == null && staffName != null) {
            events.publishEvent(AuditEvent.anonymous(found.clinicId(), AuditAction.INVITATION_OPENED,
                    Subject.invitation(found.id()), Outcome.SUCCESS, "staff"));
            return new InvitationPreview(firstWord(staffName), found.clinicName(), found.expiresAt().toInstant(),
                    staffWords(found, staffName), found.clinicId());
        }
        Invitee invitee = inviteeOf(found, false, AuditAction.INVITATION_OPENED);
        events.publishEvent(AuditEvent.anonymous(found.clinicId(), AuditAction.INVITATION_OPENED,
                Subject.invitation(found.id()), Outcome.SUCCESS, null));
        return new InvitationPreview(firstName(invitee), found.clinicName(), found.expiresAt().toInstant(),
                personalWords(invitee, found), found.clinicId());
    }

    /**
     * Accepts a link: creates the partner's CLIENT account with this password and links it to them,
     * all in one transaction holding the invitation's row lock, so a link works exactly once.
     *
     * <p>When an account already signs in with the invited address, nothing is created: the invitation is marked as
     * needing the clinic's attention, its admins are told (audit row and mail), and the person is refused with
     * {@link Reason#NEEDS_CLINIC}, words that do not say that another account exists. Those three writes commit
     * although the method throws; every other refusal has written nothing by then (audit rows of refusals commit on
     * their own).
     *
     * @throws InvitationRefusedException when the link cannot be used; nothing else is changed
     * @throws PasswordRejectedException when the password breaks the policy; nothing is changed
     */
    @PreAuthorize("permitAll()")
    @Transactional(noRollbackFor = InvitationRefusedException.class)
    public AcceptedInvitation accept(String token, String password) {
        Found found = findUsable(token, true, AuditAction.INVITATION_ACCEPTED);
        return TenantScope.clinic(found.clinicId(), () -> accept(found, password));
    }

    private AcceptedInvitation accept(Found found, String password) {
        String staffName = found.displayName();
        if (found.partnerId() == null && staffName != null) {
            return acceptStaff(found, staffName, password);
        }
        Invitee invitee = inviteeOf(found, true, AuditAction.INVITATION_ACCEPTED);
        refuseExistingAccount(found);
        PasswordCheck check = PasswordPolicy.check(password, personalWords(invitee, found));
        if (!check.acceptable()) {
            events.publishEvent(AuditEvent.anonymous(found.clinicId(), AuditAction.INVITATION_ACCEPTED,
                    Subject.invitation(found.id()), Outcome.FAILURE, "password " + check.problem()));
            throw new PasswordRejectedException(check);
        }
        long accountId = accounts.createInvitedAccount(found.clinicId(), found.email(), invitee.fullName(), password);
        Instant now = time.now();
        invitations.markAccepted(found.clinicId(), found.id(), accountId, now);
        invitations.linkAccount(found.clinicId(), invitee.partnerId(), accountId);
        events.publishEvent(AuditEvent.ofAccount(found.clinicId(), accountId, found.email(),
                AuditAction.INVITATION_ACCEPTED, Subject.invitation(found.id()), "partner " + invitee.partnerId()));
        return new AcceptedInvitation(accountId, found.email(), false);
    }

    /**
     * A staff invitation (docs/decisions/024-staff-accounts.md): the account gets the name and roles the admin gave,
     * in the admin's clinic; the same policy judges the password, with the person's own name and e-mail as the
     * words it may not be built from.
     */
    private AcceptedInvitation acceptStaff(Found found, String displayName, String password) {
        refuseExistingAccount(found);
        PasswordCheck check = PasswordPolicy.check(password, staffWords(found, displayName));
        if (!check.acceptable()) {
            events.publishEvent(AuditEvent.anonymous(found.clinicId(), AuditAction.INVITATION_ACCEPTED,
                    Subject.invitation(found.id()), Outcome.FAILURE, "password " + check.problem()));
            throw new PasswordRejectedException(check);
        }
        Set<Role> roles = invitations.staffRoles(found.clinicId(), found.id());
        long accountId = accounts.createStaffAccount(found.clinicId(), found.email(), displayName, password, roles);
        invitations.markAccepted(found.clinicId(), found.id(), accountId, time.now());
        events.publishEvent(AuditEvent.ofAccount(found.clinicId(), accountId, found.email(),
                AuditAction.INVITATION_ACCEPTED, Subject.invitation(found.id()), "staff, roles " + roles));
        return new AcceptedInvitation(accountId, found.email(), true);
    }

    /**
     * The clash an issuing therapist or admin was not told of (docs/decisions/028-no-e-mail-oracle.md): an account,
     * of this clinic or another, signs in with the invited address. Checked before anything is created, so that
     * {@code createInvitedAccount} does not refuse inside this transaction. Marks the invitation, tells the clinic's
     * admins by mail, records the failure for the Audit log, and refuses with neutral words.
     */
    private void refuseExistingAccount(Found found) {
        if (!accounts.emailTaken(found.email())) {
            return;
        }
        invitations.markNeedsAttention(found.clinicId(), found.id(), time.now());
        boolean mailed = mail.tellAdmins(found.clinicId(), accounts.activeAdminEmails(found.clinicId()));
        events.publishEvent(AuditEvent.anonymous(found.clinicId(), AuditAction.INVITATION_NEEDS_ATTENTION,
                Subject.invitation(found.id()), Outcome.FAILURE,
                "the invited address already signs in to an account; nothing created"
                        + (mailed ? ", admins e-mailed" : "")));
        throw new InvitationRefusedException(Reason.NEEDS_CLINIC);
    }

    private static List<String> staffWords(Found found, String displayName) {
        return List.of(found.email(), displayName, found.clinicName());
    }

    private Found findUsable(String token, boolean lock, AuditAction action) {
        if (!LinkToken.wellFormed(token)) {
            throw refused(action, null, Reason.UNKNOWN);
        }
        String hash = LinkToken.hash(token);
        // The link names no clinic: the one look-up across clinics, by the token's hash (decision 029).
        Found found = TenantScope.installation(() -> lock ? invitations.lock(hash) : invitations.find(hash))
                .orElseThrow(() -> refused(action, null, Reason.UNKNOWN));
        if (found.acceptedAt() != null) {
            throw refused(action, found, Reason.USED);
        }
        if (found.voidedAt() != null) {
            throw refused(action, found, Reason.VOIDED);
        }
        if (found.needsAttentionAt() != null) {
            throw refused(action, found, Reason.NEEDS_CLINIC);
        }
        if (!found.expiresAt().toInstant().isAfter(time.now())) {
            throw refused(action, found, Reason.EXPIRED);
        }
        return found;
    }

    /** The partner the link is for, still without an account and still at the invited e-mail. */
    private Invitee inviteeOf(Found found, boolean lock, AuditAction action) {
        Long partnerId = found.partnerId();
        if (partnerId == null || found.role() != Role.CLIENT) {
            throw refused(action, found, Reason.UNKNOWN);
        }
        Invitee invitee = (lock ? invitations.lockInvitee(found.clinicId(), partnerId)
                        : invitations.inviteeById(found.clinicId(), partnerId))
                .orElseThrow(() -> refused(action, found, Reason.UNKNOWN));
        if (invitee.accountId() != null) {
            throw refused(action, found, Reason.USED);
        }
        if (!found.email().equals(invitee.email())) {
            throw refused(action, found, Reason.VOIDED);
        }
        return invitee;
    }

    private InvitationRefusedException refused(AuditAction action, @Nullable Found found, Reason reason) {
        events.publishEvent(found == null ? AuditEvent.anonymous(null, action, null, Outcome.FAILURE, reason.name())
                : AuditEvent.anonymous(found.clinicId(), action, Subject.invitation(found.id()), Outcome.FAILURE,
                        reason.name()));
        return new InvitationRefusedException(reason);
    }

    /** Why a partner cannot be invited (yet); the key of the words the therapist is shown. */
    private enum NotPossible {
        NO_EMAIL,
        HAS_ACCOUNT,
        NO_SUCH_PARTNER,
        /** A link for the same address was issued within {@link #RESUBMIT_WINDOW}: the same click sent twice. */
        JUST_ISSUED
    }

    private RefusedException notPossible(TandemUser therapist, long coupleId, NotPossible reason) {
        events.publishEvent(AuditEvent.failed(therapist, AuditAction.INVITATION_ISSUED, null,
                "couple " + coupleId + ": " + reason));
        return new RefusedException("invitations.panel.error." + reason.name());
    }

    private static PartnerInvitation state(Latest latest, Instant now) {
        if (latest.accountId() != null || latest.acceptedAt() != null) {
            return new PartnerInvitation(latest.position(), InvitationState.ACCEPTED, null, instant(latest.acceptedAt()));
        }
        if (latest.createdAt() == null) {
            return new PartnerInvitation(latest.position(), InvitationState.NONE, null, null);
        }
        // A link sent to an address the partner no longer has cannot be accepted (see inviteeOf).
        if (latest.voidedAt() != null || !Objects.equals(latest.invitedEmail(), latest.partnerEmail())) {
            return new PartnerInvitation(latest.position(), InvitationState.VOIDED, null, null);
        }
        if (latest.needsAttentionAt() != null) {
            return new PartnerInvitation(latest.position(), InvitationState.NEEDS_ATTENTION, null, null);
        }
        Instant expiresAt = instant(latest.expiresAt());
        InvitationState state = expiresAt != null && expiresAt.isAfter(now)
                ? InvitationState.PENDING
                : InvitationState.EXPIRED;
        return new PartnerInvitation(latest.position(), state, expiresAt, null);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String firstName(Invitee invitee) {
        String preferred = invitee.preferredName();
        if (preferred != null && !preferred.isBlank()) {
            return preferred.strip();
        }
        return firstWord(invitee.fullName());
    }

    private static String firstWord(String name) {
        String full = name.strip();
        int space = full.indexOf(' ');
        return space < 0 ? full : full.substring(0, space);
    }

    private static List<String> personalWords(Invitee invitee, Found found) {
        List<String> words = new ArrayList<>(List.of(found.email(), invitee.fullName(), found.clinicName()));
        if (invitee.preferredName() != null) {
            words.add(invitee.preferredName());
        }
        return words;
    }
}
