package org.tandem.notifications;

import static org.tandem.jooq.Tables.NOTIFICATION;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The notification rows. Every read and write names the clinic and the recipient: a person reaches only their own. */
@Repository
class NotificationRepository {

    /** One row as the bell needs it, with the names of the couple it is about (null when about none). */
    record Stored(long id, NotificationKind kind, @Nullable String detail, OffsetDateTime createdAt, boolean read,
            String target, @Nullable String coupleNames) {}

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
                .set(NOTIFICATION.CREATED_AT, utc(now))
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** The person's latest notifications, newest first. */
    List<Stored> latest(long clinicId, long accountId, int limit) {
        // "Alex Morgan & Samira Patel": a therapist's notifications say which couple (at most a page of rows)
        Field<String> coupleNames = DSL.field(DSL.select(DSL.listAgg(PARTNER.FULL_NAME, " & ")
                        .withinGroupOrderBy(PARTNER.POSITION))
                .from(PARTNER)
                .where(PARTNER.CLINIC_ID.eq(NOTIFICATION.CLINIC_ID), PARTNER.COUPLE_ID.eq(NOTIFICATION.COUPLE_ID)));
        return dsl.select(NOTIFICATION.ID, NOTIFICATION.KIND, NOTIFICATION.DETAIL, NOTIFICATION.CREATED_AT,
                        NOTIFICATION.READ_AT.isNotNull(), NOTIFICATION.TARGET, coupleNames)
                .from(NOTIFICATION)
                .where(NOTIFICATION.CLINIC_ID.eq(clinicId), NOTIFICATION.RECIPIENT_ACCOUNT_ID.eq(accountId))
                .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                .limit(limit)
                .fetch(Records.mapping(Stored::new));
    }

    int unread(long clinicId, long accountId) {
        return dsl.fetchCount(NOTIFICATION, NOTIFICATION.CLINIC_ID.eq(clinicId),
                NOTIFICATION.RECIPIENT_ACCOUNT_ID.eq(accountId), NOTIFICATION.READ_AT.isNull());
    }

    /** Marks one of the person's notifications read (once: the first reading stays); its target, or empty if not theirs. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<String> markRead(long clinicId, long accountId, long id, Instant now) {
        return dsl.update(NOTIFICATION)
                .set(NOTIFICATION.READ_AT, DSL.coalesce(NOTIFICATION.READ_AT, DSL.val(utc(now))))
                .where(NOTIFICATION.ID.eq(id), NOTIFICATION.CLINIC_ID.eq(clinicId),
                        NOTIFICATION.RECIPIENT_ACCOUNT_ID.eq(accountId))
                .returning(NOTIFICATION.TARGET)
                .fetchOptional(NOTIFICATION.TARGET);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    int markAllRead(long clinicId, long accountId, Instant now) {
        return dsl.update(NOTIFICATION)
                .set(NOTIFICATION.READ_AT, utc(now))
                .where(NOTIFICATION.CLINIC_ID.eq(clinicId), NOTIFICATION.RECIPIENT_ACCOUNT_ID.eq(accountId),
                        NOTIFICATION.READ_AT.isNull())
                .execute();
    }

    /** Removes every notification made before the instant, of every clinic the caller's scope sees. */
    @Transactional(propagation = Propagation.MANDATORY)
    int deleteCreatedBefore(Instant before) {
        return dsl.deleteFrom(NOTIFICATION).where(NOTIFICATION.CREATED_AT.lt(utc(before))).execute();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
