package org.tandem.notifications;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tandem.balance.AlertsRaised;
import org.tandem.couples.ui.CoupleRoutes.Tab;
import org.tandem.notifications.Audience.Couple;

/**
 * An alert raised on a couple: to its therapists (the couple's Overview shows the alerts), never to a partner. The
 * balance summary is computed again on every change and sweep; each alert (kind, partner, subject) is told once per
 * therapist, by its dedupe key.
 */
@Component
class AlertNotices {

    /** No one acted: an alert follows from facts and the clock. */
    private static final long NO_ACTOR = 0;

    private final Audience audience;
    private final Notifications notifications;

    AlertNotices(Audience audience, Notifications notifications) {
        this.audience = audience;
        this.notifications = notifications;
    }

    @EventListener
    void on(AlertsRaised raised) {
        Couple couple = audience.of(raised.clinicId(), raised.coupleId());
        List<NewNotification> all = new ArrayList<>();
        for (AlertsRaised.Raised alert : raised.alerts()) {
            all.addAll(couple.letters(NotificationKind.ALERT_RAISED, "", NO_ACTOR)
                    .to(couple.therapists(), NoticeTargets.coupleTab(raised.coupleId(), Tab.OVERVIEW),
                            dedupeKey(raised.coupleId(), alert))
                    .list());
        }
        notifications.send(all);
    }

    static String dedupeKey(long coupleId, AlertsRaised.Raised alert) {
        Long partnerId = alert.partnerId();
        return "alert:" + coupleId + ":" + alert.kind() + ":" + (partnerId == null ? "couple" : partnerId) + ":"
                + alert.subjectId();
    }
}
