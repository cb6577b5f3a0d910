package org.tandem.sessions;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.PARTNER;
import static org.tandem.jooq.Tables.SESSION_NOTE;
import static org.tandem.database.RenderedOnce.value;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.SelectConditionStep;
import org.jooq.Record7;
import org.jooq.Record8;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.tandem.database.GenericPlan;
import org.tandem.database.RenderedOnce;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class SessionRepository {

    private final DSLContext dsl;
    private final Clock clock;

    SessionRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Field<ZonedDateTime> startsAt(ZoneId zone) {
        return COUPLE_SESSION.STARTS_AT.convertFrom(at -> at.atZoneSameInstant(zone));
    }

    /** Whether the couple already has a scheduled session starting at this instant. */
    boolean scheduledAt(long clinicId, long coupleId, Instant startsAt) {
        return dsl.fetchExists(COUPLE_SESSION, COUPLE_SESSION.CLINIC_ID.eq(clinicId),
                COUPLE_SESSION.COUPLE_ID.eq(coupleId), COUPLE_SESSION.STARTS_AT.eq(utc(startsAt)),
                COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED));
    }

    /** Whether another scheduled session of the couple than {@code exceptId} starts at this instant. */
    boolean scheduledAt(long clinicId, long coupleId, Instant startsAt, long exceptId) {
        return dsl.fetchExists(COUPLE_SESSION, COUPLE_SESSION.CLINIC_ID.eq(clinicId),
                COUPLE_SESSION.COUPLE_ID.eq(coupleId), COUPLE_SESSION.STARTS_AT.eq(utc(startsAt)),
                COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED), COUPLE_SESSION.ID.ne(exceptId));
    }

    /** Sets a scheduled session's time, length and place if it is still at the version the caller read. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean move(long clinicId, long sessionId, int expectedVersion, Instant startsAt, int durationMinutes,
            Modality modality) {
        return dsl.update(COUPLE_SESSION)
                .set(COUPLE_SESSION.STARTS_AT, utc(startsAt))
                .set(COUPLE_SESSION.DURATION_MINUTES, durationMinutes)
                .set(COUPLE_SESSION.MODALITY, modality)
                .set(COUPLE_SESSION.VERSION, COUPLE_SESSION.VERSION.plus(1))
                .where(COUPLE_SESSION.CLINIC_ID.eq(clinicId), COUPLE_SESSION.ID.eq(sessionId),
                        COUPLE_SESSION.VERSION.eq(expectedVersion),
                        COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED))
                .execute() == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insert(long clinicId, long coupleId, Instant startsAt, int durationMinutes, Modality modality,
            long createdBy) {
        return dsl.insertInto(COUPLE_SESSION)
                .set(COUPLE_SESSION.CREATED_AT, OffsetDateTime.now(clock))
                .set(COUPLE_SESSION.CLINIC_ID, clinicId)
                .set(COUPLE_SESSION.COUPLE_ID, coupleId)
                .set(COUPLE_SESSION.STARTS_AT, utc(startsAt))
                .set(COUPLE_SESSION.DURATION_MINUTES, durationMinutes)
                .set(COUPLE_SESSION.MODALITY, modality)
                .set(COUPLE_SESSION.CREATED_BY, createdBy)
                .returning(COUPLE_SESSION.ID)
                .fetchSingle().getId();
    }

    /** The couple a session belongs to, if the session is in this clinic. */
    Optional<Long> coupleOf(long clinicId, long sessionId) {
        return dsl.select(COUPLE_SESSION.COUPLE_ID)
                .from(COUPLE_SESSION)
                .where(COUPLE_SESSION.CLINIC_ID.eq(clinicId), COUPLE_SESSION.ID.eq(sessionId))
                .fetchOptional(COUPLE_SESSION.COUPLE_ID);
    }

    /** A session as {@link Session} reads it, with whether a (non-empty) note exists. */
    private SelectJoinStep<Record8<Long, Long, ZonedDateTime, Integer, Modality, SessionStatus, Integer, Boolean>>
            sessions(ZoneId zone) {
        return dsl.select(COUPLE_SESSION.ID, COUPLE_SESSION.COUPLE_ID, startsAt(zone),
                        COUPLE_SESSION.DURATION_MINUTES,
                        COUPLE_SESSION.MODALITY,
                        COUPLE_SESSION.STATUS,
                        COUPLE_SESSION.VERSION,
                        DSL.field(DSL.exists(select(SESSION_NOTE.SESSION_ID).from(SESSION_NOTE)
                                .where(SESSION_NOTE.SESSION_ID.eq(COUPLE_SESSION.ID),
                                        SESSION_NOTE.CLINIC_ID.eq(COUPLE_SESSION.CLINIC_ID),
                                        SESSION_NOTE.BODY.ne("")))))
                .from(COUPLE_SESSION);
    }

    /** Every session of one couple, newest first, with whether a (non-empty) note exists. */
    List<Session> ofCouple(long clinicId, long coupleId, ZoneId zone) {
        return sessions(zone)
                .where(COUPLE_SESSION.CLINIC_ID.eq(clinicId), COUPLE_SESSION.COUPLE_ID.eq(coupleId))
                .orderBy(COUPLE_SESSION.STARTS_AT.desc(), COUPLE_SESSION.ID.desc())
                .fetch(Records.mapping(Session::new));
    }

    Optional<Session> find(long clinicId, long sessionId, ZoneId zone) {
        return sessions(zone)
                .where(COUPLE_SESSION.CLINIC_ID.eq(clinicId), COUPLE_SESSION.ID.eq(sessionId))
                .fetchOptional(Records.mapping(Session::new));
    }

    /** Sets the status if the session is still at the version the caller read; false when it is not. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean updateStatus(long clinicId, long sessionId, int expectedVersion, SessionStatus status) {
        return dsl.update(COUPLE_SESSION)
                .set(COUPLE_SESSION.STATUS, status)
                .set(COUPLE_SESSION.VERSION, COUPLE_SESSION.VERSION.plus(1))
                .where(COUPLE_SESSION.CLINIC_ID.eq(clinicId), COUPLE_SESSION.ID.eq(sessionId),
                        COUPLE_SESSION.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    Optional<SessionNote> note(long clinicId, long sessionId, ZoneId zone) {
        return dsl.select(SESSION_NOTE.SESSION_ID, SESSION_NOTE.BODY, SESSION_NOTE.VERSION, ACCOUNT.DISPLAY_NAME,
                        SESSION_NOTE.UPDATED_AT.convertFrom(at -> at.atZoneSameInstant(zone)))
                .from(SESSION_NOTE)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(SESSION_NOTE.UPDATED_BY), ACCOUNT.CLINIC_ID.eq(SESSION_NOTE.CLINIC_ID))
                .where(SESSION_NOTE.CLINIC_ID.eq(clinicId), SESSION_NOTE.SESSION_ID.eq(sessionId))
                .fetchOptional(Records.mapping(SessionNote::new));
    }

    /**
     * Writes the note if it is still at the version the caller read (0: no note yet), in one statement
     * so that two racing saves cannot both win. Returns the new version, or empty when the note has moved on.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Integer> saveNote(long clinicId, long sessionId, int expectedVersion, String body, long updatedBy) {
        if (expectedVersion == 0) {
            return dsl.insertInto(SESSION_NOTE)
                    .set(SESSION_NOTE.SESSION_ID, sessionId)
                    .set(SESSION_NOTE.CLINIC_ID, clinicId)
                    .set(SESSION_NOTE.BODY, body)
                    .set(SESSION_NOTE.UPDATED_BY, updatedBy)
                    .set(SESSION_NOTE.UPDATED_AT, OffsetDateTime.now(clock))
                    .set(SESSION_NOTE.VERSION, 1)
                    .onConflict(SESSION_NOTE.SESSION_ID).doNothing()
                    .returning(SESSION_NOTE.VERSION)
                    .fetchOptional(SESSION_NOTE.VERSION);
        }
        return dsl.update(SESSION_NOTE)
                .set(SESSION_NOTE.BODY, body)
                .set(SESSION_NOTE.UPDATED_BY, updatedBy)
                .set(SESSION_NOTE.UPDATED_AT, OffsetDateTime.now(clock))
                .set(SESSION_NOTE.VERSION, SESSION_NOTE.VERSION.plus(1))
                .where(SESSION_NOTE.CLINIC_ID.eq(clinicId), SESSION_NOTE.SESSION_ID.eq(sessionId),
                        SESSION_NOTE.VERSION.eq(expectedVersion))
                .returning(SESSION_NOTE.VERSION)
                .fetchOptional(SESSION_NOTE.VERSION);
    }

    private SelectConditionStep<Record7<Long, Long, String, String, ZonedDateTime, Integer, Modality>> upcomingQuery(
            long clinicId, Instant now, ZoneId zone, Condition caseload) {
        // The partners' names read per row shown, not joined: a join would let the planner start from the couples (below).
        return dsl.select(COUPLE_SESSION.ID, COUPLE_SESSION.COUPLE_ID, partnerName(1), partnerName(2), startsAt(zone),
                        COUPLE_SESSION.DURATION_MINUTES, COUPLE_SESSION.MODALITY)
                .from(COUPLE_SESSION)
                .where(upcoming(clinicId, now), caseload);
    }

    private static Field<String> partnerName(int position) {
        return field(select(PARTNER.FULL_NAME).from(PARTNER).where(PARTNER.CLINIC_ID.eq(COUPLE_SESSION.CLINIC_ID),
                PARTNER.COUPLE_ID.eq(COUPLE_SESSION.COUPLE_ID), PARTNER.POSITION.eq((short) position)));
    }

    /** The clinic's scheduled sessions from now on. */
    private static Condition upcoming(long clinicId, Instant now) {
        return COUPLE_SESSION.CLINIC_ID.eq(clinicId)
                .and(COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED))
                .and(COUPLE_SESSION.STARTS_AT.ge(utc(now)));
    }

    /** Sessions of the therapist's couples (a semi-join: a session once, whatever the couple's therapists). */
    private static Condition onCaseload(long therapistId) {
        return exists(caseloadHas(therapistId));
    }

    /**
     * {@link #onCaseload}, asked of each session in turn ({@code offset 0} keeps PostgreSQL from turning it into a
     * join), for a page: with no other table to start from (the names are read per row shown), the page walks the
     * clinic's scheduled sessions in time order (V026) and stops at its size, 0.5 ms for 1,100 couples. Given a join
     * to the caseload or the partners, once the database holds other clinics with years of past sessions, the planner
     * expects one upcoming session per couple where there are 13 (status and time are correlated, which its
     * statistics cannot say of a range) and reads the couples one by one, then sorts all their sessions: 19–62 ms at
     * the growth benchmark's full size (docs/performance.md).
     */
    private static Condition onCaseloadSessionBySession(Field<Long> therapistId) {
        return exists(caseloadHas(therapistId).offset(0));
    }

    private static SelectConditionStep<Record1<Integer>> caseloadHas(long therapistId) {
        return caseloadHas(val(therapistId));
    }

    private static SelectConditionStep<Record1<Integer>> caseloadHas(Field<Long> therapistId) {
        return selectOne().from(COUPLE_THERAPIST).where(COUPLE_THERAPIST.CLINIC_ID.eq(COUPLE_SESSION.CLINIC_ID),
                COUPLE_THERAPIST.COUPLE_ID.eq(COUPLE_SESSION.COUPLE_ID), COUPLE_THERAPIST.ACCOUNT_ID.eq(therapistId));
    }

    /**
     * A page of the scheduled sessions still to come on this therapist's caseload, soonest first: the schedule's
     * grid, rendered once (RenderedOnce), its times put on the clinic's wall clock after the read.
     */
    List<UpcomingSession> upcoming(long clinicId, long therapistId, Instant now, ZoneId zone, int offset, int limit) {
        return upcomingPage.select(dsl, value(CLINIC_ID, clinicId), value(THERAPIST_ID, therapistId),
                        value(NOW, utc(now)), value(OFFSET, offset), value(LIMIT, limit))
                .fetch(row -> new UpcomingSession(row.get(COUPLE_SESSION.ID), row.get(COUPLE_SESSION.COUPLE_ID),
                        row.get(PARTNER_ONE), row.get(PARTNER_TWO),
                        row.get(COUPLE_SESSION.STARTS_AT).atZoneSameInstant(zone),
                        row.get(COUPLE_SESSION.DURATION_MINUTES), row.get(COUPLE_SESSION.MODALITY)));
    }

    private static final Param<Long> THERAPIST_ID = param("therapist", Long.class);
    private static final Param<Integer> OFFSET = param("offset", Integer.class);
    private static final Param<Integer> LIMIT = param("limit", Integer.class);
    private static final Field<String> PARTNER_ONE = partnerName(1).as("partner_one");
    private static final Field<String> PARTNER_TWO = partnerName(2).as("partner_two");

    private final RenderedOnce upcomingPage = RenderedOnce.of(dsl -> dsl
            .select(COUPLE_SESSION.ID, COUPLE_SESSION.COUPLE_ID, PARTNER_ONE, PARTNER_TWO, COUPLE_SESSION.STARTS_AT,
                    COUPLE_SESSION.DURATION_MINUTES, COUPLE_SESSION.MODALITY)
            .from(COUPLE_SESSION)
            .where(COUPLE_SESSION.CLINIC_ID.eq(CLINIC_ID), COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED),
                    COUPLE_SESSION.STARTS_AT.ge(NOW),
                    onCaseloadSessionBySession(THERAPIST_ID))
            .orderBy(COUPLE_SESSION.STARTS_AT, COUPLE_SESSION.ID)
            .offset(OFFSET)
            .limit(LIMIT));

    /** All of them, for the calendar file. */
    List<UpcomingSession> allUpcoming(long clinicId, long therapistId, Instant now, ZoneId zone) {
        return upcomingQuery(clinicId, now, zone, onCaseload(therapistId))
                .orderBy(COUPLE_SESSION.STARTS_AT, COUPLE_SESSION.ID)
                .fetch(Records.mapping(UpcomingSession::new));
    }

    /** The couple that this CLIENT account is a partner of, within their clinic. */
    Optional<Long> coupleOfPartner(long clinicId, long accountId) {
        return dsl.select(PARTNER.COUPLE_ID)
                .from(PARTNER)
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.ACCOUNT_ID.eq(accountId))
                .fetchOptional(PARTNER.COUPLE_ID);
    }

    /** The couple's next scheduled session that has not begun yet. */
    Optional<NextSession> nextOfCouple(long clinicId, long coupleId, Instant now, ZoneId zone) {
        return nextOfCouple.select(dsl, value(CLINIC_ID, clinicId), value(COUPLE_ID, coupleId), value(NOW, utc(now)))
                .fetchOptional(row -> new NextSession(row.get(COUPLE_SESSION.STARTS_AT).atZoneSameInstant(zone),
                        row.get(COUPLE_SESSION.DURATION_MINUTES), row.get(COUPLE_SESSION.MODALITY)));
    }

    // Read with every page of the client portal's workbook: rendered once (RenderedOnce). The zone is applied after
    // the read, so that one rendered statement serves every clinic's.
    private static final Param<Long> CLINIC_ID = param("clinic", Long.class);
    /** The clinic as one couple's reads name it, so that they keep one plan (GenericPlan). */
    private static final Field<Long> THE_CLINIC = GenericPlan.clinic(CLINIC_ID);
    private static final Param<Long> COUPLE_ID = param("couple", Long.class);
    private static final Param<OffsetDateTime> NOW = param("now", COUPLE_SESSION.STARTS_AT.getDataType());

    private final RenderedOnce nextOfCouple = RenderedOnce.of(dsl -> dsl
            .select(COUPLE_SESSION.STARTS_AT, COUPLE_SESSION.DURATION_MINUTES, COUPLE_SESSION.MODALITY)
            .from(COUPLE_SESSION)
            .where(COUPLE_SESSION.CLINIC_ID.eq(THE_CLINIC), COUPLE_SESSION.COUPLE_ID.eq(COUPLE_ID),
                    COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED), COUPLE_SESSION.STARTS_AT.ge(NOW))
            .orderBy(COUPLE_SESSION.STARTS_AT, COUPLE_SESSION.ID)
            .limit(1));
}
