package org.tandem.notifications;

import static org.tandem.jooq.Tables.NOTIFICATION;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class NotificationRepository {

    private final DSLContext dsl;

    NotificationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Writes one notification; false when one with the same dedupe key already reached this person. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean insert(NewNotification notification, Instant now) {
        return dsl.insertInto(NOTIFICATION)
                .set(NOTIFICATION.CLINIC_ID, notification.clinicId())
                .set(NOTIFICATION.RECIPIENT_ACCOUNT_ID, notification.recipientAccountId())
                .set(NOTIFICATION.KIND, notification.kind())
                .set(NOTIFICATION.COUPLE_ID, notification.coupleId())
                .set(NOTIFICATION.TARGET, notification.target())
                .set(NOTIFICATION.DETAIL, notification.detail())
                .set(NOTIFICATION.DEDUPE_KEY, notification.dedupeKey())
                .set(NOTIFICATION.CREATED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute() == 1;
    }
}
