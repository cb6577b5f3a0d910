package org.tandem.couples;

import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.Role;
import org.tandem.accounts.TandemUser;

/**
 * The ownership check every service runs before it touches one couple's clinical data: the signed-in
 * person must be a therapist of that couple (primary or co-therapist) in their own clinic. A refusal
 * is audited (kept even though the caller's transaction rolls back) and thrown as
 * {@link AccessDeniedException}. A couple of another clinic is refused exactly like one that does not exist.
 */
@Component
public class CoupleAccess {

    private final CoupleRepository couples;
    private final ApplicationEventPublisher events;

    CoupleAccess(CoupleRepository couples, ApplicationEventPublisher events) {
        this.couples = couples;
        this.events = events;
    }

    /** The signed-in therapist, once it is certain that the couple is on their caseload. */
    public TandemUser requireTherapistOf(long coupleId) {
        TandemUser user = requireTherapist(coupleId);
        requireOnCaseload(user, coupleId);
        return user;
    }

    /**
     * The signed-in therapist, for a read that checks in its own statement that the couple is on their caseload
     * ({@link CoupleRepository#onCaseloadOf}, or the same condition in another module's repository): one statement
     * instead of two. When such a read finds nothing, it answers {@link #refused}, or calls
     * {@link #requireOnCaseload} where nothing can also be the true answer (an empty list). Anyone but a therapist
     * is refused here, audited.
     */
    public TandemUser requireTherapist(long coupleId) {
        TandemUser user = CurrentUser.require();
        if (!user.hasRole(Role.THERAPIST)) {
            throw refused(user, coupleId);
        }
        return user;
    }

    /**
     * Refused (audited) unless the couple is on this therapist's caseload: on its own, or after a read that checks it
     * itself ({@link #requireTherapist}) found nothing, to tell an empty list from a couple not on the caseload.
     */
    public void requireOnCaseload(TandemUser therapist, long coupleId) {
        if (!couples.isTherapistOf(therapist.clinicId(), coupleId, therapist.accountId())) {
            throw refused(therapist, coupleId);
        }
    }

    /** The refusal of a couple that is not on the signed-in person's caseload (or not in their clinic), audited. */
    AccessDeniedException refused(TandemUser user, long coupleId) {
        events.publishEvent(AuditEvent.denied(user, "couple " + coupleId, "not on the caseload"));
        return new AccessDeniedException("Couple " + coupleId + " is not on your caseload");
    }

    /**
     * The signed-in partner with their couple, once it is certain that the account is a CLIENT linked to a
     * partner of a couple of its own clinic. Anyone else (another role, an account not linked to a couple)
     * is refused, audited, like {@link #requireTherapistOf}.
     */
    public SignedInPartner requirePartner() {
        TandemUser user = CurrentUser.require();
        Optional<SignedInPartner> partner = user.hasRole(Role.CLIENT) ? couples.partnerOf(user) : Optional.empty();
        if (partner.isEmpty()) {
            events.publishEvent(AuditEvent.denied(user, "own couple", "not a partner of a couple"));
            throw new AccessDeniedException("You are not a partner of a couple");
        }
        return partner.get();
    }
}
