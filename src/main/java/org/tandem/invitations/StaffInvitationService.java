package org.tandem.invitations;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.LinkToken;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.Role;
import org.tandem.accounts.TandemUser;
import org.tandem.accounts.UserFilter;
import org.tandem.clinic.ClinicLimits;
import org.tandem.clinic.ClinicTime;
import org.tandem.invitations.InvitationRepository.Staff;

/**
 * An admin invites staff (ADMIN, THERAPIST or both) with the partners' invitation links: the same table, the same
 * hashed single-use token, the same accept page (docs/decisions/024-staff-accounts.md). The link is valid for the
 * clinic's invitation validity. An invitation of another clinic is refused exactly like one that does not exist.
 */
@Service
@Validated
@Transactional
public class StaffInvitationService {

    /**
     * The answer to an address that an account of the admin's own clinic uses (the admin sees that account on the
     * Users page anyway). An account of another clinic is not looked at when inviting: the admin learns nothing
     * about other clinics, and the clash is resolved at acceptance (docs/decisions/028-no-e-mail-oracle.md).
     */
    public static final String EMAIL_IN_CLINIC = "staff-invitations.error.email-in-clinic";

    private final InvitationRepository invitations;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final ClinicLimits limits;
    private final ClinicTime time;
    private final InvitationMail mail;

    StaffInvitationService(InvitationRepository invitations, AccountService accounts,
            ApplicationEventPublisher events, ClinicLimits limits, ClinicTime time, InvitationMail mail) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.events = events;
        this.limits = limits;
        this.time = time;
        this.mail = mail;
    }

    /**
     * Issues a link for a new staff member of the admin's clinic; voids the clinic's earlier pending staff links to
     * the same address.
     *
     * @throws RefusedException ({@link #EMAIL_IN_CLINIC}) when an account of the clinic already signs in with the
     *     address
     */
    @PreAuthorize("hasRole('ADMIN')")
    public IssuedStaffInvitation invite(@Valid StaffInvitationData data) {
        TandemUser admin = CurrentUser.require();
        if (data.roles().contains(Role.CLIENT)) {
            throw new IllegalArgumentException("Partners are invited from their couple's page, not as staff");
        }
        if (accounts.emailTakenInMyClinic(data.email())) {
            events.publishEvent(AuditEvent.failed(admin, AuditAction.STAFF_INVITED, null, "address of a user"));
            throw new RefusedException(EMAIL_IN_CLINIC);
        }
        Instant now = time.now();
        int voided = invitations.voidPendingStaff(admin.clinicId(), data.email(), now);
        return issue(admin, data.displayName(), data.email(), data.roles(), now,
                "roles " + data.roles() + (voided > 0 ? ", voided " + voided + " older" : ""));
    }

    /** The clinic's staff invitations neither accepted nor voided that match the filter, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<PendingStaffInvitation> pending(UserFilter filter) {
        TandemUser admin = CurrentUser.require();
        if (!filter.includesInvitations()) {
            return List.of();
        }
        Instant now = time.now();
        return invitations.pendingStaff(admin.clinicId(), filter).stream()
                .map(staff -> new PendingStaffInvitation(staff.id(), staff.displayName(), staff.email(),
                        staff.roles(), staff.createdAt().toInstant(), staff.expiresAt().toInstant(),
                        !staff.expiresAt().toInstant().isAfter(now), staff.needsAttentionAt() != null))
                .toList();
    }

    /** A new link for the same person and roles, valid anew; the old link stops working. */
    @PreAuthorize("hasRole('ADMIN')")
    public IssuedStaffInvitation resend(long invitationId) {
        TandemUser admin = CurrentUser.require();
        Staff staff = requirePending(admin, invitationId, AuditAction.STAFF_INVITED);
        if (accounts.emailTakenInMyClinic(staff.email())) {
            events.publishEvent(AuditEvent.failed(admin, AuditAction.STAFF_INVITED, Subject.invitation(invitationId),
                    "address of a user"));
            throw new RefusedException(EMAIL_IN_CLINIC);
        }
        Instant now = time.now();
        invitations.markVoided(admin.clinicId(), invitationId, now);
        return issue(admin, staff.displayName(), staff.email(), staff.roles(), now,
                "resent, replaces invitation " + invitationId);
    }

    /** Withdraws a pending staff invitation: its link stops working. */
    @PreAuthorize("hasRole('ADMIN')")
    public void voidInvitation(long invitationId) {
        TandemUser admin = CurrentUser.require();
        requirePending(admin, invitationId, AuditAction.STAFF_INVITATION_VOIDED);
        invitations.markVoided(admin.clinicId(), invitationId, time.now());
        events.publishEvent(AuditEvent.of(admin, AuditAction.STAFF_INVITATION_VOIDED, Subject.invitation(invitationId)));
    }

    private IssuedStaffInvitation issue(TandemUser admin, String displayName, String email, Set<Role> roles,
            Instant now, String detail) {
        Instant expiresAt = now.plus(limits.invitationValidity(admin.clinicId()));
        String token = LinkToken.generate();
        long id = invitations.insertStaff(admin.clinicId(), displayName, email, roles, LinkToken.hash(token),
                admin.accountId(), now, expiresAt);
        String path = InvitationService.ACCEPT_ROUTE_PREFIX + token;
        boolean mailed = mail.send(admin.clinicId(), email, path, expiresAt);
        events.publishEvent(AuditEvent.of(admin, AuditAction.STAFF_INVITED, Subject.invitation(id),
                detail + (mailed ? ", e-mailed" : "")));
        return new IssuedStaffInvitation(id, path, expiresAt, mailed);
    }

    /** The clinic's staff invitation, locked; refused when another clinic's or no longer pending. */
    private Staff requirePending(TandemUser admin, long invitationId, AuditAction action) {
        Staff staff = invitations.lockStaff(admin.clinicId(), invitationId).orElseThrow(() -> {
            events.publishEvent(AuditEvent.denied(admin, "invitation " + invitationId, "not in the clinic"));
            return new AccessDeniedException("Invitation " + invitationId + " is not in your clinic");
        });
        String problem = staff.acceptedAt() != null ? "staff-invitations.error.accepted"
                : staff.voidedAt() != null ? "staff-invitations.error.voided"
                : null;
        if (problem != null) {
            events.publishEvent(AuditEvent.failed(admin, action, Subject.invitation(invitationId), problem));
            throw new RefusedException(problem);
        }
        return staff;
    }
}
