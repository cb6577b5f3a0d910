package org.tandem.couples;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.Paging;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.TandemUser;

/**
 * Admins decide which therapists work with which couple: one primary therapist and optionally a
 * co-therapist, both of the couple's clinic, with the same access. Admins see names, statuses and
 * therapists here, never sessions or notes. A couple or account of another clinic is refused (and the
 * refusal kept) exactly like one that does not exist.
 */
@Service
@Transactional
public class AssignmentService {

    static final int MAX_PAGE_SIZE = 500;

    private final AssignmentRepository assignments;
    private final ApplicationEventPublisher events;

    AssignmentService(AssignmentRepository assignments, ApplicationEventPublisher events) {
        this.assignments = assignments;
        this.events = events;
    }

    /** A page of the admin's clinic's couples, by the first partner's name. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<CoupleAssignment> page(CoupleFilter filter, int offset, int limit) {
        Paging.check(offset, limit);
        TandemUser admin = CurrentUser.require();
        List<CoupleAssignment> page = assignments.page(admin.clinicId(), filter, offset,
                Math.min(limit, MAX_PAGE_SIZE));
        events.publishEvent(AuditEvent.of(admin, AuditAction.ASSIGNMENTS_READ, Subject.clinic(admin.clinicId()),
                "offset " + offset + ", " + page.size() + " couples"));
        return page;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public int count(CoupleFilter filter) {
        return assignments.count(CurrentUser.require().clinicId(), filter);
    }

    /** The clinic's active therapists, for a picker. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ClinicTherapist> therapists() {
        return assignments.therapists(CurrentUser.require().clinicId());
    }

    /**
     * Moves the couple to another primary therapist; the former one loses access. If the new primary
     * was the couple's co-therapist, that co-therapist place is dropped.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void moveTo(long coupleId, long therapistAccountId) {
        TandemUser admin = CurrentUser.require();
        requireCoupleOfClinic(admin, coupleId);
        requireTherapist(admin, therapistAccountId);
        move(admin, coupleId, therapistAccountId);
    }

    /** Gives the couple this co-therapist (replacing any other), or none when null. */
    @PreAuthorize("hasRole('ADMIN')")
    public void setCoTherapist(long coupleId, @Nullable Long therapistAccountId) {
        TandemUser admin = CurrentUser.require();
        requireCoupleOfClinic(admin, coupleId);
        if (therapistAccountId != null) {
            requireTherapist(admin, therapistAccountId);
            if (assignments.primaryOf(admin.clinicId(), coupleId).filter(therapistAccountId::equals).isPresent()) {
                throw sameAsPrimary();
            }
        }
        changeCoTherapist(admin, coupleId, therapistAccountId);
    }

    /** Both at once, all or nothing: what the assignment form saves. */
    @PreAuthorize("hasRole('ADMIN')")
    public void assign(long coupleId, long primaryAccountId, @Nullable Long coTherapistAccountId) {
        TandemUser admin = CurrentUser.require();
        requireCoupleOfClinic(admin, coupleId);
        requireTherapist(admin, primaryAccountId);
        if (coTherapistAccountId != null) {
            requireTherapist(admin, coTherapistAccountId);
            if (coTherapistAccountId == primaryAccountId) {
                throw sameAsPrimary();
            }
        }
        move(admin, coupleId, primaryAccountId);
        changeCoTherapist(admin, coupleId, coTherapistAccountId);
    }

    /**
     * The couples an account of the clinic works with (primary or co-therapist), for reassigning a departing
     * therapist's caseload: names and statuses only.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<TherapistCouple> couplesOf(long therapistAccountId) {
        TandemUser admin = CurrentUser.require();
        requireAccountOfClinic(admin, therapistAccountId);
        return assignments.couplesOf(admin.clinicId(), therapistAccountId);
    }

    /**
     * Hands one couple from one therapist to another in the place the first held: as primary (the new one loses a
     * co-therapist place they had), or as co-therapist (dropped when the new one is already the primary). The ended
     * assignment is kept in the couple's history; the new therapist has the couple's notes and answers from now on.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void reassign(long coupleId, long fromAccountId, long toAccountId) {
        TandemUser admin = CurrentUser.require();
        requireCoupleOfClinic(admin, coupleId);
        requireAccountOfClinic(admin, fromAccountId);
        requireTherapist(admin, toAccountId);
        if (fromAccountId == toAccountId) {
            throw new RefusedException("reassign.error.same-therapist");
        }
        handOver(admin, coupleId, fromAccountId, toAccountId);
    }

    /**
     * Hands every couple of one therapist to another, in one transaction; returns how many. Each couple is audited
     * as when moved on its own, and the whole as {@code couple.caseload-reassign}.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public int reassignAll(long fromAccountId, long toAccountId) {
        TandemUser admin = CurrentUser.require();
        requireAccountOfClinic(admin, fromAccountId);
        requireTherapist(admin, toAccountId);
        if (fromAccountId == toAccountId) {
            throw new RefusedException("reassign.error.same-therapist");
        }
        List<TherapistCouple> couples = assignments.couplesOf(admin.clinicId(), fromAccountId);
        for (TherapistCouple couple : couples) {
            requireCoupleOfClinic(admin, couple.coupleId());
            handOver(admin, couple.coupleId(), fromAccountId, toAccountId);
        }
        events.publishEvent(AuditEvent.of(admin, AuditAction.CASELOAD_REASSIGNED, Subject.account(fromAccountId),
                couples.size() + " couples to account " + toAccountId));
        return couples.size();
    }

    /** Who has worked with the couple and when, earliest first; the current assignments have no end. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AssignmentPeriod> history(long coupleId) {
        TandemUser admin = CurrentUser.require();
        if (!assignments.coupleOfClinic(admin.clinicId(), coupleId)) {
            events.publishEvent(AuditEvent.denied(admin, "couple " + coupleId, "not in the clinic"));
            throw new AccessDeniedException("Couple " + coupleId + " is not in your clinic");
        }
        return assignments.history(admin.clinicId(), coupleId);
    }

    private void handOver(TandemUser admin, long coupleId, long fromAccountId, long toAccountId) {
        TherapistRole role = assignments.roleOf(admin.clinicId(), coupleId, fromAccountId)
                .orElseThrow(() -> new RefusedException("reassign.error.not-assigned"));
        if (role == TherapistRole.PRIMARY) {
            move(admin, coupleId, toAccountId);
        } else {
            boolean toIsPrimary = assignments.primaryOf(admin.clinicId(), coupleId)
                    .filter(primary -> primary == toAccountId).isPresent();
            changeCoTherapist(admin, coupleId, toIsPrimary ? null : toAccountId);
        }
    }

    private void requireAccountOfClinic(TandemUser admin, long accountId) {
        if (!assignments.accountInClinic(admin.clinicId(), accountId)) {
            events.publishEvent(AuditEvent.denied(admin, "account " + accountId, "not in the clinic"));
            throw new AccessDeniedException("Account " + accountId + " is not in your clinic");
        }
    }

    private void move(TandemUser admin, long coupleId, long therapistAccountId) {
        Optional<Long> former = assignments.primaryOf(admin.clinicId(), coupleId);
        if (former.filter(id -> id == therapistAccountId).isPresent()) {
            return;
        }
        assignments.replacePrimary(admin.clinicId(), coupleId, therapistAccountId, admin.accountId());
        events.publishEvent(AuditEvent.of(admin, AuditAction.COUPLE_MOVED, Subject.couple(coupleId),
                "primary therapist: account " + former.orElse(null) + " -> account " + therapistAccountId));
    }

    private void changeCoTherapist(TandemUser admin, long coupleId, @Nullable Long therapistAccountId) {
        List<Long> former = assignments.coTherapistsOf(admin.clinicId(), coupleId);
        if (therapistAccountId == null ? former.isEmpty() : former.equals(List.of(therapistAccountId))) {
            return;
        }
        assignments.replaceCoTherapist(admin.clinicId(), coupleId, therapistAccountId, admin.accountId());
        events.publishEvent(AuditEvent.of(admin, AuditAction.CO_THERAPIST_CHANGED, Subject.couple(coupleId),
                "co-therapist: account " + (former.isEmpty() ? null : former.getFirst()) + " -> account "
                        + therapistAccountId));
    }

    private void requireCoupleOfClinic(TandemUser admin, long coupleId) {
        if (!assignments.lockCouple(admin.clinicId(), coupleId)) {
            events.publishEvent(AuditEvent.denied(admin, "couple " + coupleId, "not in the clinic"));
            throw new AccessDeniedException("Couple " + coupleId + " is not in your clinic");
        }
    }

    private void requireTherapist(TandemUser admin, long accountId) {
        switch (assignments.check(admin.clinicId(), accountId)) {
            case NOT_IN_CLINIC -> {
                events.publishEvent(AuditEvent.denied(admin, "account " + accountId, "not in the clinic"));
                throw new AccessDeniedException("Account " + accountId + " is not in your clinic");
            }
            case NOT_A_THERAPIST -> throw new RefusedException("assignments.error.NOT_A_THERAPIST");
            case THERAPIST -> {
                // may be assigned
            }
        }
    }

    private static RefusedException sameAsPrimary() {
        return new RefusedException("assignments.error.SAME_AS_PRIMARY");
    }
}
