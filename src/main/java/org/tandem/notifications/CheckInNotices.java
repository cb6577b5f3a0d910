package org.tandem.notifications;

import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.balance.CheckInsRequested;
import org.tandem.database.OnceAcrossInstances;
import org.tandem.database.TenantScope;
import org.tandem.notifications.AudienceRepository.OpenCheckIn;

/**
 * A check-in open: by the clock, every {@code tandem.notifications.check-in-cron}, each partner with an account and
 * a check-in to answer (48 hours before a scheduled session, or requested by the therapist) is told once per check-in
 * (balance.md); a requested one is told at once, in the request's transaction. The clinics with open check-ins
 * are listed across clinics; each clinic is then told in its own scope
 * and transaction (decision 029).
 */
@Component
class CheckInNotices {

    private static final long NO_ACTOR = 0;

    private final AudienceRepository rows;
    private final Notifications notifications;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final OnceAcrossInstances once;

    CheckInNotices(AudienceRepository rows, Notifications notifications, Clock clock,
            PlatformTransactionManager transactions, OnceAcrossInstances once) {
        this.rows = rows;
        this.notifications = notifications;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.once = once;
    }

    /** A requested check-in is open at once: its partners are told now, not at the next sweep (same dedupe key). */
    @EventListener
    void on(CheckInsRequested requested) {
        for (OpenCheckIn open : rows.requestedCheckIns(requested.clinicId(), requested.coupleId(), clock.instant())) {
            notifications.send(letters(requested.clinicId(), open));
        }
    }

    /** The scheduled firing of {@link #sweep}, on one instance of several (decision 037). */
    @Scheduled(cron = "${tandem.notifications.check-in-cron:0 */10 * * * *}")
    void sweepOnce() {
        once.onSchedule("check-in-notices", this::sweep);
    }

    /** Tells of the check-ins open now; one already told (same dedupe key) is not told again. */
    public void sweep() {
        var now = clock.instant();
        for (long clinicId : TenantScope.installation(() -> rows.clinicsWithOpenCheckIns(now))) {
            TenantScope.clinic(clinicId, () -> transaction.executeWithoutResult(status -> {
                for (OpenCheckIn open : rows.openCheckIns(clinicId, now)) {
                    notifications.send(letters(clinicId, open));
                }
            }));
        }
    }

    private static List<NewNotification> letters(long clinicId, OpenCheckIn open) {
        Long sessionId = open.sessionId();
        Long checkInId = open.checkInId();
        String window = sessionId != null ? "session-" + sessionId : "request-" + checkInId;
        String target = checkInId != null ? NoticeTargets.checkIn(checkInId) : NoticeTargets.MY_WORKBOOK;
        return new Letters(clinicId, open.coupleId(), NotificationKind.CHECK_IN_OPEN, null, NO_ACTOR)
                .to(List.of(open.accountId()), target,
                        "check-in:" + open.coupleId() + ":" + window + ":" + open.partnerId())
                .list();
    }
}
