package org.tandem.mail;

import static org.tandem.jooq.Tables.MAIL_OUTBOX;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class OutboxRepository {

    /** What {@code last_error} holds at most (its CHECK). */
    static final int ERROR_LENGTH = 2000;

    private final DSLContext dsl;

    OutboxRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A row due for an attempt, locked for the transaction that tries it. */
    record Due(long id, long clinicId, String recipient, String subjectKey, String subject, String body,
            int attempts) {}

    @Transactional(propagation = Propagation.MANDATORY)
    long insert(long clinicId, String recipient, String subjectKey, String subject, String body, Instant now) {
        return dsl.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.CLINIC_ID, clinicId)
                .set(MAIL_OUTBOX.RECIPIENT, recipient)
                .set(MAIL_OUTBOX.SUBJECT_KEY, subjectKey)
                .set(MAIL_OUTBOX.SUBJECT, subject)
                .set(MAIL_OUTBOX.BODY, body)
                .set(MAIL_OUTBOX.STATUS, MailStatus.PENDING)
                .set(MAIL_OUTBOX.CREATED_AT, at(now))
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, at(now))
                .returning(MAIL_OUTBOX.ID)
                .fetchSingle().getId();
    }

    /**
     * The oldest pending row whose time has come, locked; a row another transaction (another instance of Tandem) is
     * sending is skipped, not waited for, so no row is sent twice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Due> lockNextDue(Instant now) {
        return dsl.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.CLINIC_ID, MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT_KEY,
                        MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY.coalesce(""), MAIL_OUTBOX.ATTEMPTS)
                .from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.STATUS.eq(MailStatus.PENDING), MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(at(now)))
                .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.ID)
                .limit(1)
                .forUpdate()
                .skipLocked()
                .fetchOptional(Records.mapping(Due::new));
    }

    /** Delivered: the body (and the link in it) is not kept. */
    @Transactional(propagation = Propagation.MANDATORY)
    void markSent(long id, int attempts, Instant now) {
        dsl.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATUS, MailStatus.SENT)
                .set(MAIL_OUTBOX.ATTEMPTS, attempts)
                .set(MAIL_OUTBOX.SENT_AT, at(now))
                .setNull(MAIL_OUTBOX.BODY)
                .where(MAIL_OUTBOX.ID.eq(id))
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void markRetry(long id, int attempts, Instant nextAttempt, String error) {
        dsl.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.ATTEMPTS, attempts)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, at(nextAttempt))
                .set(MAIL_OUTBOX.LAST_ERROR, error)
                .where(MAIL_OUTBOX.ID.eq(id))
                .execute();
    }

    /** Given up: the body is not kept either. */
    @Transactional(propagation = Propagation.MANDATORY)
    void markFailed(long id, int attempts, String error) {
        dsl.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATUS, MailStatus.FAILED)
                .set(MAIL_OUTBOX.ATTEMPTS, attempts)
                .set(MAIL_OUTBOX.LAST_ERROR, error)
                .setNull(MAIL_OUTBOX.BODY)
                .where(MAIL_OUTBOX.ID.eq(id))
                .execute();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
