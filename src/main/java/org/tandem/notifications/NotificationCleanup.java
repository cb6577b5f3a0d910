package org.tandem.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.database.OnceAcrossInstances;
import org.tandem.database.TenantScope;

/** Removes notifications older than {@link #KEPT}, read or not, by the application's clock: a daily job. */
@Component
class NotificationCleanup {

    static final Duration KEPT = Duration.ofDays(90);

    private static final Logger LOG = LoggerFactory.getLogger(NotificationCleanup.class);

    private final NotificationRepository rows;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final OnceAcrossInstances once;

    NotificationCleanup(NotificationRepository rows, PlatformTransactionManager transactions, Clock clock,
            OnceAcrossInstances once) {
        this.rows = rows;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.once = once;
    }

    /** The scheduled firing of {@link #removeOld}, on one instance of several (decision 037). */
    @Scheduled(cron = "${tandem.notifications.cleanup-cron:0 20 3 * * *}")
    void removeOldOnce() {
        once.onSchedule("notification-cleanup", this::removeOld);
    }

    /** Removes the old notifications of every clinic; returns how many. */
    int removeOld() {
        // A job with no one signed in, over every clinic's rows (decision 029): one statement, by age alone.
        int removed = TenantScope.installation(() -> Objects.requireNonNull(transaction.execute(
                status -> rows.deleteCreatedBefore(clock.instant().minus(KEPT)))));
        if (removed > 0) {
            LOG.info("Removed {} notifications older than {} days", removed, KEPT.toDays());
        }
        return removed;
    }
}
