package org.tandem.couples;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.TandemUser;

/** The therapist's caseload. Reads of clinical data write their audit row in the same transaction. */
@Service
@Transactional
public class CaseloadService {

    private final CaseloadRepository couples;
    private final ApplicationEventPublisher events;

    CaseloadService(CaseloadRepository couples, ApplicationEventPublisher events) {
        this.couples = couples;
        this.events = events;
    }

    /** A page of the signed-in therapist's own caseload; never another therapist's or clinic's couples. */
    @PreAuthorize("hasRole('THERAPIST')")
    public List<CaseloadEntry> page(int offset, int limit) {
        TandemUser therapist = CurrentUser.require();
        List<CaseloadEntry> page = couples.caseload(therapist.clinicId(), therapist.accountId(), offset, limit);
        events.publishEvent(new CaseloadRead(therapist, offset, page.size()));
        return page;
    }

    /** How many couples the signed-in therapist has; a number only, so not audited as a read of clinical data. */
    @PreAuthorize("hasRole('THERAPIST')")
    @Transactional(readOnly = true)
    public int size() {
        TandemUser therapist = CurrentUser.require();
        return couples.caseloadSize(therapist.clinicId(), therapist.accountId());
    }
}
