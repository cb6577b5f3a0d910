package org.tandem.balance;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.TandemUser;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleAccess;

/**
 * A couple's alerts (balance.md, "Alerts") for its therapist, and their acknowledgement. Reading them is four
 * statements whatever the couple's history: the clinic's figures, the check-ins, the other facts with the
 * acknowledgements, and the audit row.
 */
@Service
// Not read-only: the read of clinical data writes its audit row in the same transaction.
@Transactional
public class AlertService {

    private final BalanceSummaries summaries;
    private final AlertRepository alerts;
    private final CoupleAccess access;
    private final ApplicationEventPublisher events;
    private final ClinicTime time;

    AlertService(BalanceSummaries summaries, AlertRepository alerts, CoupleAccess access,
            ApplicationEventPublisher events, ClinicTime time) {
        this.summaries = summaries;
        this.alerts = alerts;
        this.access = access;
        this.events = events;
        this.time = time;
    }

    /**
     * The couple's alerts now, partners' first, acknowledged ones included (and marked). Not audited: a section of
     * the couple's Overview, whose one read row {@code CoupleService.overview} writes, or part of an export, which
     * records itself.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    @Transactional(readOnly = true)
    public List<CoupleAlert> alerts(long coupleId) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        List<CoupleAlert> current = summaries.compute(therapist.clinicId(), coupleId,
                summaries.clinic(therapist.clinicId()), time.now()).alerts();
        return current;
    }

    /**
     * Acknowledges one of the couple's current alerts (a second time changes nothing) and refreshes the couple's
     * caseload summary. An alert that no longer fires (or never did) is refused, audited.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public CoupleAlert acknowledge(long coupleId, CoupleAlert alert) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        Instant now = time.now();
        BalanceSummaries.ClinicFigures clinic = summaries.clinic(therapist.clinicId());
        BalanceSummaries.Computed computed = summaries.compute(therapist.clinicId(), coupleId, clinic, now);
        @Nullable CoupleAlert current = computed.alerts().stream().filter(alert::sameAs).findFirst().orElse(null);
        if (current == null) {
            events.publishEvent(AuditEvent.denied(therapist, "alert " + alert.kind() + " of couple " + coupleId,
                    "not a current alert"));
            throw new AccessDeniedException("No such alert");
        }
        alerts.acknowledge(therapist.clinicId(), coupleId, current.alert(), therapist.accountId(), now);
        events.publishEvent(AuditEvent.of(therapist, AuditAction.ALERT_ACKNOWLEDGED, Subject.couple(coupleId),
                current.kind() + (current.partnerId() == null ? "" : " partner " + current.partnerId()) + " subject "
                        + current.subjectId()));
        CoupleAlert acknowledged = new CoupleAlert(current.kind(), current.partnerId(), current.subjectId(),
                current.reasonKey(), current.reasonArgs(), true);
        // The figures just computed, with this alert now acknowledged: nothing else changed, so nothing is re-read.
        summaries.save(therapist.clinicId(), coupleId, new BalanceSummaries.Computed(computed.alerts().stream()
                .map(each -> each == current ? acknowledged : each).toList(), computed.balance(),
                computed.partners()), now);
        return acknowledged;
    }
}
