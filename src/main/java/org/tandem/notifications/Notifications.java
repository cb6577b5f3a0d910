package org.tandem.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.shell.LiveUpdates;

/**
 * Where a producer (a listener of a feature's event) writes notifications, in the transaction of the act that causes
 * them: an act that rolls back notifies no one. The open pages of the recipients hear of them after the commit.
 * Its callers have already decided who may see the thing, so it admits everyone itself.
 */
@Service
public class Notifications {

    /** What the open pages of a recipient are told: their notifications changed (the bell reads its count again). */
    public record Changed(long accountId) {}

    private final NotificationRepository rows;
    private final EmailCopies emailCopies;
    private final LiveUpdates live;
    private final Clock clock;

    Notifications(NotificationRepository rows, EmailCopies emailCopies, LiveUpdates live, Clock clock) {
        this.rows = rows;
        this.emailCopies = emailCopies;
        this.live = live;
        this.clock = clock;
    }

    /**
     * Writes the notifications (a repeated dedupe key is skipped), queues the e-mail copies their recipients want
     * (at most one per person and kind per quarter of an hour) and tells the recipients' open pages.
     */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(Collection<NewNotification> notifications) {
        Instant now = clock.instant();
        for (NewNotification notification : notifications) {
            if (rows.insert(notification, now)) {
                emailCopies.queue(notification, now);
                live.tell(List.of(notification.recipientAccountId()), new Changed(notification.recipientAccountId()));
            }
        }
    }
}
