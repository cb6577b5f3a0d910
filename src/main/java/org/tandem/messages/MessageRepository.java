package org.tandem.messages;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.MESSAGE;
import static org.tandem.jooq.Tables.MESSAGE_DRAFT;
import static org.tandem.jooq.Tables.MESSAGE_READ;
import static org.tandem.jooq.Tables.MESSAGE_THREAD;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.couples.CoupleStatus;

@Repository
class MessageRepository {

    /** A thread as its guard needs it: whose couple, whose private thread (null: joint), the couple's status. */
    record ThreadRow(long threadId, long coupleId, @Nullable Long partnerId, CoupleStatus status) {}

    /** Someone who takes part in a couple's thread, with the name the thread shows. */
    record Participant(long accountId, String name, boolean therapist) {}

    record MessageRow(long id, long senderAccountId, String body, OffsetDateTime sentAt,
            @Nullable OffsetDateTime withdrawnAt) {}

    record StoredMessage(long id, long threadId, long senderAccountId, OffsetDateTime sentAt,
            @Nullable OffsetDateTime withdrawnAt) {}

    /** The name a message shows for its sender: a partner's preferred name, else the account's. */
    private static final Field<String> SHOWN_NAME = coalesce(PARTNER.PREFERRED_NAME, ACCOUNT.DISPLAY_NAME);

    private final DSLContext dsl;

    MessageRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The couple's joint thread and each partner's private thread, made now when missing. */
    @Transactional(propagation = Propagation.MANDATORY)
    void ensureThreads(long clinicId, long coupleId, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        dsl.insertInto(MESSAGE_THREAD, MESSAGE_THREAD.CLINIC_ID, MESSAGE_THREAD.COUPLE_ID, MESSAGE_THREAD.PARTNER_ID,
                        MESSAGE_THREAD.CREATED_AT)
                .select(select(val(clinicId), val(coupleId), val((Long) null), val(at))
                        .unionAll(select(PARTNER.CLINIC_ID, PARTNER.COUPLE_ID, PARTNER.ID, val(at))
                                .from(PARTNER)
                                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.COUPLE_ID.eq(coupleId))))
                .onConflictDoNothing()
                .execute();
    }

    /**
     * The threads of a couple with how many messages of others this account has not read yet, the joint thread
     * first, then the partners' private threads in the partners' order. {@code onlyPartnerId}: that partner's
     * private thread only (null: every private thread).
     */
    List<ThreadSummary> summaries(long clinicId, long coupleId, long accountId, @Nullable Long onlyPartnerId) {
        Field<Integer> unread = select(count()).from(MESSAGE)
                .where(MESSAGE.CLINIC_ID.eq(clinicId), MESSAGE.THREAD_ID.eq(MESSAGE_THREAD.ID),
                        MESSAGE.SENDER_ACCOUNT_ID.ne(accountId), MESSAGE.WITHDRAWN_AT.isNull(),
                        MESSAGE.ID.gt(coalesce(select(MESSAGE_READ.LAST_READ_MESSAGE_ID).from(MESSAGE_READ)
                                .where(MESSAGE_READ.THREAD_ID.eq(MESSAGE_THREAD.ID),
                                        MESSAGE_READ.ACCOUNT_ID.eq(accountId)).<Long>asField(), 0L)))
                .asField();
        return dsl.select(MESSAGE_THREAD.ID, MESSAGE_THREAD.PARTNER_ID,
                        coalesce(PARTNER.PREFERRED_NAME, PARTNER.FULL_NAME), unread)
                .from(MESSAGE_THREAD)
                .leftJoin(PARTNER).on(PARTNER.ID.eq(MESSAGE_THREAD.PARTNER_ID),
                        PARTNER.CLINIC_ID.eq(MESSAGE_THREAD.CLINIC_ID))
                .where(MESSAGE_THREAD.CLINIC_ID.eq(clinicId), MESSAGE_THREAD.COUPLE_ID.eq(coupleId),
                        onlyPartnerId == null ? noCondition()
                                : MESSAGE_THREAD.PARTNER_ID.isNull().or(MESSAGE_THREAD.PARTNER_ID.eq(onlyPartnerId)))
                .orderBy(MESSAGE_THREAD.PARTNER_ID.isNotNull(), PARTNER.POSITION)
                .fetch(Records.mapping(ThreadSummary::new));
    }

    Optional<ThreadRow> thread(long clinicId, long threadId) {
        return dsl.select(MESSAGE_THREAD.ID, MESSAGE_THREAD.COUPLE_ID, MESSAGE_THREAD.PARTNER_ID, COUPLE.STATUS)
                .from(MESSAGE_THREAD)
                .join(COUPLE).on(COUPLE.ID.eq(MESSAGE_THREAD.COUPLE_ID), COUPLE.CLINIC_ID.eq(MESSAGE_THREAD.CLINIC_ID))
                .where(MESSAGE_THREAD.CLINIC_ID.eq(clinicId), MESSAGE_THREAD.ID.eq(threadId))
                .fetchOptional(Records.mapping(ThreadRow::new));
    }

    /** The partner whose private thread it is, by name (null for the joint thread). */
    @Nullable String partnerName(long clinicId, @Nullable Long partnerId) {
        if (partnerId == null) {
            return null;
        }
        return dsl.select(coalesce(PARTNER.PREFERRED_NAME, PARTNER.FULL_NAME)).from(PARTNER)
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.ID.eq(partnerId))
                .fetchSingle().value1();
    }

    Optional<StoredMessage> message(long clinicId, long messageId) {
        return dsl.select(MESSAGE.ID, MESSAGE.THREAD_ID, MESSAGE.SENDER_ACCOUNT_ID, MESSAGE.SENT_AT,
                        MESSAGE.WITHDRAWN_AT)
                .from(MESSAGE)
                .where(MESSAGE.CLINIC_ID.eq(clinicId), MESSAGE.ID.eq(messageId))
                .fetchOptional(Records.mapping(StoredMessage::new));
    }

    /**
     * Who takes part in a thread now: the couple's therapists, and its partners with an account (both for the joint
     * thread, the one whose thread it is for a private one).
     */
    List<Participant> participants(long clinicId, long coupleId, @Nullable Long partnerId) {
        var therapists = dsl.select(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME, val(true))
                .from(COUPLE_THERAPIST)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(COUPLE_THERAPIST.ACCOUNT_ID),
                        ACCOUNT.CLINIC_ID.eq(COUPLE_THERAPIST.CLINIC_ID))
                .where(COUPLE_THERAPIST.CLINIC_ID.eq(clinicId), COUPLE_THERAPIST.COUPLE_ID.eq(coupleId));
        var partners = dsl.select(ACCOUNT.ID, SHOWN_NAME, val(false))
                .from(PARTNER)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(PARTNER.ACCOUNT_ID), ACCOUNT.CLINIC_ID.eq(PARTNER.CLINIC_ID))
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.COUPLE_ID.eq(coupleId),
                        partnerId == null ? PARTNER.ID.isNotNull() : PARTNER.ID.eq(partnerId));
        return partners.unionAll(therapists).fetch(Records.mapping(Participant::new));
    }

    /** The thread's messages, oldest first, each with its sender's name. */
    List<MessageRow> messages(long clinicId, long threadId) {
        return dsl.select(MESSAGE.ID, MESSAGE.SENDER_ACCOUNT_ID, MESSAGE.BODY, MESSAGE.SENT_AT, MESSAGE.WITHDRAWN_AT)
                .from(MESSAGE)
                .where(MESSAGE.CLINIC_ID.eq(clinicId), MESSAGE.THREAD_ID.eq(threadId))
                .orderBy(MESSAGE.ID)
                .fetch(Records.mapping(MessageRow::new));
    }

    /** The names of these accounts as messages show them (a partner's preferred name, else the account's). */
    Map<Long, String> senderNames(long clinicId, List<Long> accountIds) {
        return dsl.select(ACCOUNT.ID, SHOWN_NAME)
                .from(ACCOUNT)
                .leftJoin(PARTNER).on(PARTNER.ACCOUNT_ID.eq(ACCOUNT.ID), PARTNER.CLINIC_ID.eq(ACCOUNT.CLINIC_ID))
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ID.in(accountIds))
                .fetchMap(ACCOUNT.ID, SHOWN_NAME);
    }

    /** How far each account has read the thread: the last message id it has seen. */
    Map<Long, Long> readUpTo(long clinicId, long threadId) {
        return dsl.select(MESSAGE_READ.ACCOUNT_ID, MESSAGE_READ.LAST_READ_MESSAGE_ID)
                .from(MESSAGE_READ)
                .where(MESSAGE_READ.CLINIC_ID.eq(clinicId), MESSAGE_READ.THREAD_ID.eq(threadId))
                .fetchMap(MESSAGE_READ.ACCOUNT_ID, MESSAGE_READ.LAST_READ_MESSAGE_ID);
    }

    /** Marks the thread read up to {@code messageId}; whether that moved the mark on. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean markRead(long clinicId, long threadId, long accountId, long messageId, Instant now) {
        return dsl.insertInto(MESSAGE_READ)
                .set(MESSAGE_READ.CLINIC_ID, clinicId)
                .set(MESSAGE_READ.THREAD_ID, threadId)
                .set(MESSAGE_READ.ACCOUNT_ID, accountId)
                .set(MESSAGE_READ.LAST_READ_MESSAGE_ID, messageId)
                .set(MESSAGE_READ.READ_AT, now.atOffset(ZoneOffset.UTC))
                .onConflict(MESSAGE_READ.THREAD_ID, MESSAGE_READ.ACCOUNT_ID)
                .doUpdate()
                .set(MESSAGE_READ.LAST_READ_MESSAGE_ID, messageId)
                .set(MESSAGE_READ.READ_AT, now.atOffset(ZoneOffset.UTC))
                .where(MESSAGE_READ.LAST_READ_MESSAGE_ID.lt(messageId))
                .execute() > 0;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insert(long clinicId, long threadId, long senderAccountId, String body, Instant now) {
        return dsl.insertInto(MESSAGE)
                .set(MESSAGE.CLINIC_ID, clinicId)
                .set(MESSAGE.THREAD_ID, threadId)
                .set(MESSAGE.SENDER_ACCOUNT_ID, senderAccountId)
                .set(MESSAGE.BODY, body)
                .set(MESSAGE.SENT_AT, now.atOffset(ZoneOffset.UTC))
                .returning(MESSAGE.ID)
                .fetchSingle().getId();
    }

    /** Marks the message withdrawn (its body stays, for the record); false when it already was. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean withdraw(long clinicId, long messageId, long accountId, Instant now) {
        return dsl.update(MESSAGE)
                .set(MESSAGE.WITHDRAWN_AT, now.atOffset(ZoneOffset.UTC))
                .set(MESSAGE.WITHDRAWN_BY, accountId)
                .where(MESSAGE.CLINIC_ID.eq(clinicId), MESSAGE.ID.eq(messageId), MESSAGE.WITHDRAWN_AT.isNull())
                .execute() > 0;
    }

    String draft(long clinicId, long threadId, long accountId) {
        return dsl.select(MESSAGE_DRAFT.BODY).from(MESSAGE_DRAFT)
                .where(MESSAGE_DRAFT.CLINIC_ID.eq(clinicId), MESSAGE_DRAFT.THREAD_ID.eq(threadId),
                        MESSAGE_DRAFT.ACCOUNT_ID.eq(accountId))
                .fetchOptional(MESSAGE_DRAFT.BODY).orElse("");
    }

    /** Keeps the draft; an empty one is removed. */
    @Transactional(propagation = Propagation.MANDATORY)
    void saveDraft(long clinicId, long threadId, long accountId, String body, Instant now) {
        if (body.isEmpty()) {
            dsl.deleteFrom(MESSAGE_DRAFT).where(MESSAGE_DRAFT.CLINIC_ID.eq(clinicId),
                    MESSAGE_DRAFT.THREAD_ID.eq(threadId), MESSAGE_DRAFT.ACCOUNT_ID.eq(accountId)).execute();
            return;
        }
        dsl.insertInto(MESSAGE_DRAFT)
                .set(MESSAGE_DRAFT.CLINIC_ID, clinicId)
                .set(MESSAGE_DRAFT.THREAD_ID, threadId)
                .set(MESSAGE_DRAFT.ACCOUNT_ID, accountId)
                .set(MESSAGE_DRAFT.BODY, body)
                .set(MESSAGE_DRAFT.SAVED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflict(MESSAGE_DRAFT.THREAD_ID, MESSAGE_DRAFT.ACCOUNT_ID)
                .doUpdate()
                .set(MESSAGE_DRAFT.BODY, body)
                .set(MESSAGE_DRAFT.SAVED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
    }
}
