package org.tandem.couples;

import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.TandemUser;

/** Reads of clinical data write their audit row in the same transaction, so they are not read-only. */
@Service
@Transactional
public class CoupleService {

    private final CoupleRepository couples;
    private final CoupleAccess access;
    private final ApplicationEventPublisher events;

    CoupleService(CoupleRepository couples, CoupleAccess access, ApplicationEventPublisher events) {
        this.couples = couples;
        this.access = access;
        this.events = events;
    }

    /** The heading of a couple's page: only for the couple's own therapists. */
    @PreAuthorize("hasRole('THERAPIST')")
    public CoupleHeading heading(long coupleId) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        CoupleHeading heading = couples.heading(therapist.clinicId(), coupleId).orElseThrow();
        events.publishEvent(new CoupleOpened(therapist, coupleId));
        return heading;
    }

    /** The signed-in partner's own couple, if their account is linked to one. */
    @PreAuthorize("hasRole('CLIENT')")
    public Optional<MyCouple> myCouple() {
        TandemUser partner = CurrentUser.require();
        Optional<MyCouple> couple = couples.coupleOfPartner(partner.clinicId(), partner.accountId());
        couple.ifPresent(found -> events.publishEvent(new MyCoupleRead(partner, found.coupleId())));
        return couple;
    }
}
