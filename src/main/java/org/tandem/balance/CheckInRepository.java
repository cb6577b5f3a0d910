package org.tandem.balance;

import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.val;
import static org.tandem.database.RenderedOnce.value;
import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.CHECK_IN_ANSWER;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.INSTRUMENT_ITEM;
import static org.tandem.jooq.Tables.INSTRUMENT_VERSION;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.Field;
import org.jooq.Result;
import org.jooq.Record2;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.database.GenericPlan;
import org.tandem.database.RenderedOnce;
import org.tandem.sessions.SessionStatus;

@Repository
class CheckInRepository {

    /** balance.md: a check-in opens 48 hours before its session. */
    static final Duration OPENS_BEFORE_SESSION = Duration.ofHours(48);

    private final DSLContext dsl;

    CheckInRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One stored check-in with what the rules need: whose it is, whether it is closed or submitted. */
    record Row(long checkInId, long coupleId, long partnerId, int instrumentVersion, @Nullable Instant sessionStartsAt,
            boolean requested, boolean closed, @Nullable Instant submittedAt, CheckInAnswers answers) {}

    Instrument instrument(int version) {
        List<Instrument.Statement> statements = dsl
                .select(INSTRUMENT_ITEM.CODE, INSTRUMENT_ITEM.POSITION, INSTRUMENT_ITEM.STATEMENT,
                        INSTRUMENT_ITEM.SUBSCALE, INSTRUMENT_ITEM.REVERSED)
                .from(INSTRUMENT_ITEM)
                .where(INSTRUMENT_ITEM.INSTRUMENT_NUMBER.eq(version))
                .orderBy(INSTRUMENT_ITEM.POSITION)
                .fetch(r -> new Instrument.Statement(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        String prompt = dsl.select(INSTRUMENT_VERSION.CLOSENESS_PROMPT).from(INSTRUMENT_VERSION)
                .where(INSTRUMENT_VERSION.NUMBER.eq(version)).fetchSingle().value1();
        return new Instrument(version, statements, prompt);
    }

    /** The sessions a check-in is open for at {@code now}: scheduled, starting within 48 hours, not yet started. */
    private static Condition sessionWindowOpen(Instant now) {
        return COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED)
                .and(COUPLE_SESSION.STARTS_AT.gt(at(now)))
                .and(COUPLE_SESSION.STARTS_AT.le(at(now.plus(OPENS_BEFORE_SESSION))));
    }

    /**
     * Creates the partner's check-in for each session whose window is open and that has none yet. The unique
     * (partner_id, session_id) constraint makes this idempotent when two requests race.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void createSessionCheckIns(long clinicId, long coupleId, long partnerId, Instant now) {
        dsl.insertInto(CHECK_IN, CHECK_IN.CLINIC_ID, CHECK_IN.COUPLE_ID, CHECK_IN.PARTNER_ID,
                        CHECK_IN.INSTRUMENT_NUMBER, CHECK_IN.SESSION_ID, CHECK_IN.OPENS_AT, CHECK_IN.CREATED_AT)
                .select(select(val(clinicId), val(coupleId), val(partnerId), val(BalanceScoring.INSTRUMENT_VERSION),
                        COUPLE_SESSION.ID, field("{0} - interval '48 hours'",
                                COUPLE_SESSION.STARTS_AT.getDataType(), COUPLE_SESSION.STARTS_AT),
                        val(at(now)))
                        .from(COUPLE_SESSION)
                        .where(COUPLE_SESSION.CLINIC_ID.eq(clinicId), COUPLE_SESSION.COUPLE_ID.eq(coupleId),
                                sessionWindowOpen(now)))
                .onConflict(CHECK_IN.PARTNER_ID, CHECK_IN.SESSION_ID).doNothing()
                .execute();
    }

    /** The partner's check-ins that are open at {@code now}, the earliest first. */
    List<OpenCheckIn> openCheckIns(long clinicId, long partnerId, Instant now) {
        Field<Integer> answered = selectCount().from(CHECK_IN_ANSWER)
                .where(CHECK_IN_ANSWER.CLINIC_ID.eq(CHECK_IN.CLINIC_ID), CHECK_IN_ANSWER.CHECK_IN_ID.eq(CHECK_IN.ID))
                .asField();
        return dsl.select(CHECK_IN.ID, CHECK_IN.SESSION_ID, COUPLE_SESSION.STARTS_AT,
                        CHECK_IN.REQUESTED_BY.isNotNull(), CHECK_IN.OPENS_AT, answered, CHECK_IN.CLOSENESS.isNotNull())
                .from(CHECK_IN)
                .leftJoin(COUPLE_SESSION).on(COUPLE_SESSION.CLINIC_ID.eq(CHECK_IN.CLINIC_ID),
                        COUPLE_SESSION.ID.eq(CHECK_IN.SESSION_ID))
                .where(CHECK_IN.CLINIC_ID.eq(clinicId), CHECK_IN.PARTNER_ID.eq(partnerId),
                        CHECK_IN.SUBMITTED_AT.isNull(),
                        CHECK_IN.SESSION_ID.isNull().and(CHECK_IN.REQUESTED_BY.isNotNull())
                                .or(CHECK_IN.SESSION_ID.isNotNull().and(sessionWindowOpen(now))))
                .orderBy(CHECK_IN.OPENS_AT, CHECK_IN.ID)
                .fetch(r -> new OpenCheckIn(r.value1(), r.value2(), instant(r.value3()), r.value4(),
                        r.value5().toInstant(), r.value6(), r.value7()));
    }

    Optional<Row> checkIn(long clinicId, long checkInId, Instant now) {
        return dsl.select(CHECK_IN.ID, CHECK_IN.COUPLE_ID, CHECK_IN.PARTNER_ID, CHECK_IN.INSTRUMENT_NUMBER,
                        COUPLE_SESSION.STARTS_AT, CHECK_IN.REQUESTED_BY.isNotNull(),
                        field(CHECK_IN.SESSION_ID.isNotNull().and(not(sessionOpen(now)))),
                        CHECK_IN.SUBMITTED_AT, CHECK_IN.CLOSENESS, answers())
                .from(CHECK_IN)
                .leftJoin(COUPLE_SESSION).on(COUPLE_SESSION.CLINIC_ID.eq(CHECK_IN.CLINIC_ID),
                        COUPLE_SESSION.ID.eq(CHECK_IN.SESSION_ID))
                .where(CHECK_IN.CLINIC_ID.eq(clinicId), CHECK_IN.ID.eq(checkInId))
                .fetchOptional(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4(), instant(r.value5()),
                        r.value6(), r.value7(), instant(r.value8()), answers(r.value10(), r.value9())));
    }

    /** Whether the joined session is still scheduled and not yet started (its check-in may still be answered). */
    private static Condition sessionOpen(Instant now) {
        return COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED).and(COUPLE_SESSION.STARTS_AT.gt(at(now)));
    }

    /** The answers of the check-in in the current row, as (item code, value) pairs. */
    private static Field<Result<Record2<Item, Short>>> answers() {
        return multiset(select(CHECK_IN_ANSWER.ITEM_CODE, CHECK_IN_ANSWER.VALUE)
                .from(CHECK_IN_ANSWER)
                .where(CHECK_IN_ANSWER.CLINIC_ID.eq(CHECK_IN.CLINIC_ID), CHECK_IN_ANSWER.CHECK_IN_ID.eq(CHECK_IN.ID)));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static CheckInAnswers answers(Result<Record2<Item, Short>> rows, @Nullable Short closeness) {
        Map<Item, Integer> byItem = new EnumMap<>(Item.class);
        for (Record2<Item, Short> row : rows) {
            byItem.put(row.value1(), row.value2().intValue());
        }
        return CheckInAnswers.of(byItem, closeness == null ? null : closeness.intValue());
    }

    /**
     * Marks the check-in changed, if it is not yet submitted (the row lock keeps a concurrent submit out until
     * this transaction ends); false when it is submitted.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean touchUnsubmitted(long clinicId, long checkInId) {
        return dsl.update(CHECK_IN)
                .set(CHECK_IN.VERSION, CHECK_IN.VERSION.plus(1))
                .where(CHECK_IN.CLINIC_ID.eq(clinicId), CHECK_IN.ID.eq(checkInId), CHECK_IN.SUBMITTED_AT.isNull())
                .execute() == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void saveAnswer(long clinicId, long checkInId, Item item, int value) {
        dsl.insertInto(CHECK_IN_ANSWER)
                .set(CHECK_IN_ANSWER.CLINIC_ID, clinicId)
                .set(CHECK_IN_ANSWER.CHECK_IN_ID, checkInId)
                .set(CHECK_IN_ANSWER.ITEM_CODE, item)
                .set(CHECK_IN_ANSWER.VALUE, (short) value)
                .onConflict(CHECK_IN_ANSWER.CHECK_IN_ID, CHECK_IN_ANSWER.ITEM_CODE)
                .doUpdate().set(CHECK_IN_ANSWER.VALUE, (short) value)
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void saveCloseness(long clinicId, long checkInId, int value) {
        dsl.update(CHECK_IN)
                .set(CHECK_IN.CLOSENESS, (short) value)
                .where(CHECK_IN.CLINIC_ID.eq(clinicId), CHECK_IN.ID.eq(checkInId))
                .execute();
    }

    /** Submits the check-in once; false when it was already submitted. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean submit(long clinicId, long checkInId, Instant now) {
        return dsl.update(CHECK_IN)
                .set(CHECK_IN.SUBMITTED_AT, at(now))
                .set(CHECK_IN.VERSION, CHECK_IN.VERSION.plus(1))
                .where(CHECK_IN.CLINIC_ID.eq(clinicId), CHECK_IN.ID.eq(checkInId), CHECK_IN.SUBMITTED_AT.isNull())
                .execute() == 1;
    }

    /** The couple's partners that have no requested check-in still open. */
    List<Long> partnersWithoutOpenRequest(long clinicId, long coupleId) {
        return dsl.select(PARTNER.ID)
                .from(PARTNER)
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.COUPLE_ID.eq(coupleId))
                .andNotExists(select(CHECK_IN.ID).from(CHECK_IN)
                        .where(CHECK_IN.CLINIC_ID.eq(clinicId), CHECK_IN.PARTNER_ID.eq(PARTNER.ID),
                                CHECK_IN.SESSION_ID.isNull(), CHECK_IN.REQUESTED_BY.isNotNull(),
                                CHECK_IN.SUBMITTED_AT.isNull()))
                .orderBy(PARTNER.ID)
                .fetch(PARTNER.ID);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insertRequested(long clinicId, long coupleId, long partnerId, long requestedBy, Instant now) {
        return dsl.insertInto(CHECK_IN)
                .set(CHECK_IN.CREATED_AT, at(now))
                .set(CHECK_IN.CLINIC_ID, clinicId)
                .set(CHECK_IN.COUPLE_ID, coupleId)
                .set(CHECK_IN.PARTNER_ID, partnerId)
                .set(CHECK_IN.INSTRUMENT_NUMBER, BalanceScoring.INSTRUMENT_VERSION)
                .set(CHECK_IN.REQUESTED_BY, requestedBy)
                .set(CHECK_IN.OPENS_AT, at(now))
                .returning(CHECK_IN.ID)
                .fetchSingle().getId();
    }

    /** Every submitted check-in of the couple with its raw answers, oldest first, in one statement. */
    List<ScoredCheckIn> history(long clinicId, long coupleId) {
        return history.select(dsl, value(CLINIC_ID, clinicId), value(COUPLE_ID, coupleId)).fetch(r -> {
            CheckInAnswers answers = answers(r.get(ITEMS), r.get(VALUES), r.get(CHECK_IN.CLOSENESS));
            return new ScoredCheckIn(r.get(CHECK_IN.ID), r.get(CHECK_IN.PARTNER_ID), r.get(PARTNER_NAME),
                    r.get(PARTNER.POSITION), r.get(CHECK_IN.INSTRUMENT_NUMBER), r.get(CHECK_IN.SUBMITTED_AT).toInstant(),
                    instant(r.get(COUPLE_SESSION.STARTS_AT)), answers, BalanceScoring.score(answers));
        });
    }

    // The history is read with every Overview, chart and recompute: its statement is rendered once (RenderedOnce),
    // and each check-in's answers come as two arrays in item order, which jOOQ reads many times faster than the same
    // answers as a multiset of records (a tenth of the Overview's Java time).
    private static final Param<Long> CLINIC_ID = param("clinic", Long.class);
    /** The clinic as one couple's reads name it, so that they keep one plan (GenericPlan). */
    private static final Field<Long> THE_CLINIC = GenericPlan.clinic(CLINIC_ID);
    private static final Param<Long> COUPLE_ID = param("couple", Long.class);
    private static final Field<String> PARTNER_NAME = coalesce(PARTNER.PREFERRED_NAME, PARTNER.FULL_NAME).as("name");
    private static final Field<Item[]> ITEMS = arrayAgg(CHECK_IN_ANSWER.ITEM_CODE).orderBy(CHECK_IN_ANSWER.ITEM_CODE)
            .as("items");
    private static final Field<Short[]> VALUES = arrayAgg(CHECK_IN_ANSWER.VALUE).orderBy(CHECK_IN_ANSWER.ITEM_CODE)
            .as("answer_values");

    private final RenderedOnce history = RenderedOnce.of(dsl -> {
        Table<?> given = lateral(select(ITEMS, VALUES).from(CHECK_IN_ANSWER)
                .where(CHECK_IN_ANSWER.CLINIC_ID.eq(CHECK_IN.CLINIC_ID), CHECK_IN_ANSWER.CHECK_IN_ID.eq(CHECK_IN.ID)))
                .as("given");
        return dsl.select(CHECK_IN.ID, CHECK_IN.PARTNER_ID, PARTNER_NAME, CHECK_IN.INSTRUMENT_NUMBER,
                        CHECK_IN.SUBMITTED_AT, COUPLE_SESSION.STARTS_AT, CHECK_IN.CLOSENESS, given.field(ITEMS),
                        given.field(VALUES), PARTNER.POSITION)
                .from(CHECK_IN)
                .join(PARTNER).on(PARTNER.CLINIC_ID.eq(CHECK_IN.CLINIC_ID), PARTNER.ID.eq(CHECK_IN.PARTNER_ID))
                .leftJoin(COUPLE_SESSION).on(COUPLE_SESSION.CLINIC_ID.eq(CHECK_IN.CLINIC_ID),
                        COUPLE_SESSION.ID.eq(CHECK_IN.SESSION_ID))
                .crossJoin(given)
                .where(CHECK_IN.CLINIC_ID.eq(THE_CLINIC), CHECK_IN.COUPLE_ID.eq(COUPLE_ID),
                        CHECK_IN.SUBMITTED_AT.isNotNull())
                .orderBy(CHECK_IN.SUBMITTED_AT, CHECK_IN.ID);
    });

    private static CheckInAnswers answers(Item @Nullable [] items, Short @Nullable [] values,
            @Nullable Short closeness) {
        Map<Item, Integer> byItem = new EnumMap<>(Item.class);
        for (int index = 0; items != null && values != null && index < items.length; index++) {
            byItem.put(items[index], values[index].intValue());
        }
        return CheckInAnswers.of(byItem, closeness == null ? null : closeness.intValue());
    }

    /** The clinic's settings with each partner's baseline: their first submitted check-in scored on both subscales. */
    record ClinicBaselines(BalanceSettings settings, List<CheckInAnswers> baselines) {

        /** The clinic's reliable-change parameters, estimated from these baselines or provisional. */
        Reliability reliability() {
            return BalanceScoring.parameters(baselines);
        }
    }

    /**
     * The clinic's settings and the raw answers of every partner's baseline in the clinic (first submitted
     * check-in of the current instrument with at most one statement missing per subscale), in one statement.
     */
    ClinicBaselines clinicBaselines(long clinicId) {
        // Each partner's first complete check-in: per partner, the first by time whose answers count (an index
        // range of the partner, stopped at the first), not a sort of the clinic's every check-in (issue 15).
        Table<Record1<Long>> first = select(CHECK_IN.ID.as("first_id"))
                .from(CHECK_IN)
                .where(CHECK_IN.CLINIC_ID.eq(PARTNER.CLINIC_ID), CHECK_IN.PARTNER_ID.eq(PARTNER.ID),
                        CHECK_IN.SUBMITTED_AT.isNotNull(),
                        CHECK_IN.INSTRUMENT_NUMBER.eq(BalanceScoring.INSTRUMENT_VERSION),
                        answered(Subscale.INDEPENDENCE).ge(4), answered(Subscale.INTIMACY).ge(4))
                .orderBy(CHECK_IN.SUBMITTED_AT, CHECK_IN.ID)
                .limit(1)
                .asTable("first_check_in");
        return dsl.select(CLINIC.BALANCE_THRESHOLD, CLINIC.DIVERGENCE_THRESHOLD,
                        multiset(select(CHECK_IN.CLOSENESS, answers())
                                .from(PARTNER)
                                .crossJoin(lateral(first))
                                .join(CHECK_IN).on(CHECK_IN.CLINIC_ID.eq(PARTNER.CLINIC_ID),
                                        CHECK_IN.ID.eq(first.field("first_id", Long.class)))
                                .where(PARTNER.CLINIC_ID.eq(CLINIC.ID))
                                .orderBy(PARTNER.ID)))
                .from(CLINIC)
                .where(CLINIC.ID.eq(clinicId))
                .fetchSingle(r -> new ClinicBaselines(new BalanceSettings(r.value1(), r.value2()),
                        r.value3().map(baseline -> answers(baseline.value2(), baseline.value1()))));
    }

    /** How many statements of the subscale are answered in the current row's check-in. */
    private static Field<Integer> answered(Subscale subscale) {
        return field(selectCount().from(CHECK_IN_ANSWER)
                .where(CHECK_IN_ANSWER.CLINIC_ID.eq(CHECK_IN.CLINIC_ID), CHECK_IN_ANSWER.CHECK_IN_ID.eq(CHECK_IN.ID),
                        CHECK_IN_ANSWER.ITEM_CODE.in(subscale.items())));
    }

    ClinicBalanceSettings settings(long clinicId) {
        return dsl.select(CLINIC.BALANCE_THRESHOLD, CLINIC.DIVERGENCE_THRESHOLD, CLINIC.VERSION)
                .from(CLINIC)
                .where(CLINIC.ID.eq(clinicId))
                .fetchSingle(r -> new ClinicBalanceSettings(new BalanceSettings(r.value1(), r.value2()), r.value3()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    boolean updateSettings(long clinicId, int expectedVersion, BalanceSettings settings) {
        return dsl.update(CLINIC)
                .set(CLINIC.BALANCE_THRESHOLD, settings.threshold())
                .set(CLINIC.DIVERGENCE_THRESHOLD, settings.divergence())
                .set(CLINIC.VERSION, CLINIC.VERSION.plus(1))
                .where(CLINIC.ID.eq(clinicId), CLINIC.VERSION.eq(expectedVersion))
                .execute() == 1;
    }
}
