package org.tandem.notifications;

import java.time.format.DateTimeFormatter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.ui.CoupleRoutes.Tab;
import org.tandem.notifications.Audience.Couple;
import org.tandem.sessions.SessionMarked;
import org.tandem.sessions.SessionMoved;
import org.tandem.sessions.SessionScheduled;
import org.tandem.sessions.SessionStatus;

/**
 * A session scheduled, moved or cancelled: to both partners (My workbook shows their next session) and to the
 * couple's other therapists (its Sessions tab), never to the therapist who did it. The detail is the session's date
 * and time in the clinic's zone.
 */
@Component
class SessionNotices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Audience audience;
    private final AudienceRepository rows;
    private final Notifications notifications;
    private final ClinicTime time;

    SessionNotices(Audience audience, AudienceRepository rows, Notifications notifications, ClinicTime time) {
        this.audience = audience;
        this.rows = rows;
        this.notifications = notifications;
        this.time = time;
    }

    @EventListener
    void on(SessionScheduled scheduled) {
        tell(NotificationKind.SESSION_SCHEDULED, scheduled.clinicId(), scheduled.coupleId(), scheduled.sessionId(),
                scheduled.scheduledBy());
    }

    @EventListener
    void on(SessionMoved moved) {
        tell(NotificationKind.SESSION_MOVED, moved.clinicId(), moved.coupleId(), moved.sessionId(), moved.movedBy());
    }

    @EventListener
    void on(SessionMarked marked) {
        if (marked.status() == SessionStatus.CANCELLED) {
            tell(NotificationKind.SESSION_CANCELLED, marked.clinicId(), marked.coupleId(), marked.sessionId(),
                    marked.markedBy());
        }
    }

    private void tell(NotificationKind kind, long clinicId, long coupleId, long sessionId, long actor) {
        Couple couple = audience.of(clinicId, coupleId);
        String when = rows.sessionStart(clinicId, sessionId)
                .map(at -> WHEN.format(at.atZone(time.zone(clinicId)))).orElse("");
        notifications.send(couple.letters(kind, when, actor)
                .to(couple.partnerAccounts(), NoticeTargets.MY_WORKBOOK)
                .to(couple.therapists(), NoticeTargets.coupleTab(coupleId, Tab.SESSIONS))
                .list());
    }
}
