package org.tandem.workbook;

import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;
import static org.tandem.database.MultisetTime.micros;
import static org.tandem.database.RenderedOnce.value;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ANSWER;
import static org.tandem.jooq.Tables.ASSIGNMENT_WORK;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.FEEDBACK;
import static org.tandem.jooq.Tables.MODULE;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;
import static org.tandem.jooq.Tables.MODULE_VERSION;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectOnConditionStep;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Records;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.database.MultisetTime;
import org.tandem.database.GenericPlan;
import org.tandem.database.RenderedOnce;
import org.tandem.jooq.tables.AssignmentWork;
import org.tandem.jooq.tables.Partner;

@Repository
class WorkbookRepository {

    private final DSLContext dsl;
    private final Clock clock;

    WorkbookRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Who this CLIENT account is within their couple. */
    record Me(long coupleId, long partnerId, String name, @Nullable Long otherPartnerId, @Nullable String otherName) {
    }

    /** One answer set of an assignment, with what the rules need to know about it. */
    record Work(long workId, long assignmentId, long coupleId, @Nullable Long partnerId, AssignmentMode mode,
            boolean shared, @Nullable Instant startedAt, @Nullable Instant submittedAt, long versionId) {

        boolean submitted() {
            return submittedAt != null;
        }
    }

    record StoredAnswer(long workId, Answer answer, boolean filled) {
    }

    Optional<Me> me(long clinicId, long accountId) {
        return me.select(dsl, value(CLINIC_ID, clinicId), value(ACCOUNT_ID, accountId))
                .fetchOptional(row -> new Me(row.get(ME.COUPLE_ID), row.get(ME.ID), row.get(MY_NAME), row.get(OTHER.ID),
                        row.get(OTHERS_NAME)));
    }

    // Read with every page of the client portal's workbook: rendered once (RenderedOnce).
    private static final Param<Long> ACCOUNT_ID = param("account", Long.class);
    private static final Partner ME = PARTNER.as("me");
    private static final Partner OTHER = PARTNER.as("other");
    private static final Field<String> MY_NAME = coalesce(ME.PREFERRED_NAME, ME.FULL_NAME).as("my_name");
    private static final Field<String> OTHERS_NAME = coalesce(OTHER.PREFERRED_NAME, OTHER.FULL_NAME).as("others_name");

    private final RenderedOnce me = RenderedOnce.of(dsl -> dsl
            .select(ME.COUPLE_ID, ME.ID, MY_NAME, OTHER.ID, OTHERS_NAME)
            .from(ME)
            .leftJoin(OTHER).on(OTHER.COUPLE_ID.eq(ME.COUPLE_ID), OTHER.ID.ne(ME.ID))
            .where(ME.CLINIC_ID.eq(THE_CLINIC), ME.ACCOUNT_ID.eq(ACCOUNT_ID)));

    boolean noSecrets(long clinicId) {
        return dsl.select(CLINIC.NO_SECRETS).from(CLINIC).where(CLINIC.ID.eq(clinicId)).fetchSingle().value1();
    }

    /** The latest published version of a module this clinic may use (its own or a built-in). */
    Optional<Long> latestVersion(long clinicId, long moduleId) {
        return dsl.select(MODULE_VERSION.ID)
                .from(MODULE_VERSION)
                .join(MODULE).on(MODULE.ID.eq(MODULE_VERSION.MODULE_ID))
                .where(MODULE.ID.eq(moduleId), MODULE.CLINIC_ID.eq(clinicId).or(MODULE.CLINIC_ID.isNull()))
                .orderBy(MODULE_VERSION.NUMBER.desc())
                .limit(1)
                .fetchOptional(MODULE_VERSION.ID);
    }

    ModuleContent content(long versionId) {
        return WorkbookJson.content(dsl.select(MODULE_VERSION.CONTENT).from(MODULE_VERSION)
                .where(MODULE_VERSION.ID.eq(versionId)).fetchSingle().value1().data());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insertAssignment(long clinicId, long coupleId, long versionId, AssignmentData data, long therapistId) {
        String note = data.note();
        return dsl.insertInto(MODULE_ASSIGNMENT)
                .set(MODULE_ASSIGNMENT.ASSIGNED_AT, OffsetDateTime.now(clock))
                .set(MODULE_ASSIGNMENT.CLINIC_ID, clinicId)
                .set(MODULE_ASSIGNMENT.COUPLE_ID, coupleId)
                .set(MODULE_ASSIGNMENT.MODULE_VERSION_ID, versionId)
                .set(MODULE_ASSIGNMENT.MODE, data.mode())
                .set(MODULE_ASSIGNMENT.DUE_ON, data.dueOn())
                .set(MODULE_ASSIGNMENT.NOTE, note == null || note.isBlank() ? null : note.strip())
                .set(MODULE_ASSIGNMENT.ASSIGNED_BY, therapistId)
                .returning(MODULE_ASSIGNMENT.ID)
                .fetchSingle().getId();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insertWorks(long clinicId, long assignmentId, long coupleId, AssignmentMode mode) {
        if (mode == AssignmentMode.TOGETHER) {
            dsl.insertInto(ASSIGNMENT_WORK, ASSIGNMENT_WORK.CLINIC_ID, ASSIGNMENT_WORK.ASSIGNMENT_ID)
                    .values(clinicId, assignmentId).execute();
        } else {
            dsl.insertInto(ASSIGNMENT_WORK, ASSIGNMENT_WORK.CLINIC_ID, ASSIGNMENT_WORK.ASSIGNMENT_ID,
                            ASSIGNMENT_WORK.PARTNER_ID)
                    .select(select(PARTNER.CLINIC_ID, val(assignmentId), PARTNER.ID).from(PARTNER)
                            .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.COUPLE_ID.eq(coupleId))
                            .orderBy(PARTNER.POSITION))
                    .execute();
        }
    }

    /** Every assignment of a couple with its works, newest first, in one statement. */
    List<AssignmentRow> assignments(long clinicId, long coupleId) {
        return ofCouple.select(dsl, value(CLINIC_ID, clinicId), value(COUPLE_ID, coupleId)).fetch(this::assignmentRow);
    }

    /**
     * {@link #assignments(long, long)} when the couple is on this therapist's caseload, and nothing otherwise: the
     * caseload check of {@code CoupleAccess#requireTherapistOf} in the same statement.
     */
    List<AssignmentRow> assignmentsOnCaseload(long clinicId, long coupleId, long therapistId) {
        return ofCoupleOnCaseload.select(dsl, value(CLINIC_ID, clinicId), value(COUPLE_ID, coupleId),
                value(THERAPIST_ID, therapistId)).fetch(this::assignmentRow);
    }

    /** {@link #assignment} when its couple is on this therapist's caseload, and nothing otherwise. */
    Optional<AssignmentRow> assignmentOnCaseload(long clinicId, long assignmentId, long therapistId) {
        return oneOnCaseload.select(dsl, value(CLINIC_ID, clinicId), value(ASSIGNMENT_ID, assignmentId),
                value(THERAPIST_ID, therapistId)).fetchOptional(this::assignmentRow);
    }

    Optional<AssignmentRow> assignment(long clinicId, long assignmentId) {
        return one.select(dsl, value(CLINIC_ID, clinicId), value(ASSIGNMENT_ID, assignmentId))
                .fetchOptional(this::assignmentRow);
    }

    private static final Param<Long> CLINIC_ID = param("clinic", Long.class);
    /** The clinic as one couple's reads name it, so that they keep one plan (GenericPlan). */
    private static final Field<Long> THE_CLINIC = GenericPlan.clinic(CLINIC_ID);
    private static final Param<Long> COUPLE_ID = param("couple", Long.class);
    private static final Param<Long> ASSIGNMENT_ID = param("assignment", Long.class);
    private static final Param<Long> THERAPIST_ID = param("therapist", Long.class);

    /** The couple's assignments, newest first: the workbook's list, rendered once (RenderedOnce). */
    private final RenderedOnce ofCouple = RenderedOnce.of(dsl -> assignmentQuery()
            .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(THE_CLINIC), MODULE_ASSIGNMENT.COUPLE_ID.eq(COUPLE_ID))
            .orderBy(MODULE_ASSIGNMENT.ASSIGNED_AT.desc(), MODULE_ASSIGNMENT.ID.desc()));
    private final RenderedOnce ofCoupleOnCaseload = RenderedOnce.of(dsl -> assignmentQuery()
            .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(THE_CLINIC), MODULE_ASSIGNMENT.COUPLE_ID.eq(COUPLE_ID),
                    onCaseloadOf(THERAPIST_ID))
            .orderBy(MODULE_ASSIGNMENT.ASSIGNED_AT.desc(), MODULE_ASSIGNMENT.ID.desc()));
    private final RenderedOnce one = RenderedOnce.of(dsl -> assignmentQuery()
            .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(THE_CLINIC), MODULE_ASSIGNMENT.ID.eq(ASSIGNMENT_ID)));
    private final RenderedOnce oneOnCaseload = RenderedOnce.of(dsl -> assignmentQuery()
            .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(THE_CLINIC), MODULE_ASSIGNMENT.ID.eq(ASSIGNMENT_ID),
                    onCaseloadOf(THERAPIST_ID)));

    /** The assignment's couple is on the therapist's caseload (primary or co-therapist). */
    private static Condition onCaseloadOf(Param<Long> therapist) {
        return exists(selectOne().from(COUPLE_THERAPIST).where(
                COUPLE_THERAPIST.CLINIC_ID.eq(MODULE_ASSIGNMENT.CLINIC_ID),
                COUPLE_THERAPIST.COUPLE_ID.eq(MODULE_ASSIGNMENT.COUPLE_ID),
                COUPLE_THERAPIST.ACCOUNT_ID.eq(therapist)));
    }

    /** An assignment as stored, with the module content it was given and each work's progress figures. */
    record AssignmentRow(long assignmentId, long coupleId, long moduleId, long versionId, int versionNumber,
            String title, Category category, ModuleContent content, AssignmentMode mode, @Nullable LocalDate dueOn,
            @Nullable String note, Instant assignedAt, String assignedBy, @Nullable Instant reviewedAt,
            List<WorkRow> works) {
    }

    record WorkRow(long workId, @Nullable Long partnerId, @Nullable String partnerName, boolean shared,
            @Nullable Instant startedAt, @Nullable Instant submittedAt, int filled, int feedback) {
    }

    private static final Field<List<WorkRow>> WORKS = multiset(select(ASSIGNMENT_WORK.ID,
                    ASSIGNMENT_WORK.PARTNER_ID, coalesce(PARTNER.PREFERRED_NAME, PARTNER.FULL_NAME),
                    ASSIGNMENT_WORK.SHARED, micros(ASSIGNMENT_WORK.STARTED_AT), micros(ASSIGNMENT_WORK.SUBMITTED_AT),
                    field(selectCount().from(ANSWER).where(ANSWER.WORK_ID.eq(ASSIGNMENT_WORK.ID), ANSWER.FILLED.isTrue())),
                    field(selectCount().from(FEEDBACK).where(FEEDBACK.WORK_ID.eq(ASSIGNMENT_WORK.ID))))
            .from(ASSIGNMENT_WORK)
            .leftJoin(PARTNER).on(PARTNER.ID.eq(ASSIGNMENT_WORK.PARTNER_ID))
            .where(ASSIGNMENT_WORK.ASSIGNMENT_ID.eq(MODULE_ASSIGNMENT.ID))
            .orderBy(PARTNER.POSITION.nullsFirst()))
            .convertFrom(rows -> rows.map(row -> new WorkRow(row.value1(), row.value2(), row.value3(), row.value4(),
                    MultisetTime.instant(row.value5()), MultisetTime.instant(row.value6()), row.value7(),
                    row.value8())));

    private SelectOnConditionStep<? extends Record> assignmentQuery() {
        return dsl.select(MODULE_ASSIGNMENT.ID, MODULE_ASSIGNMENT.COUPLE_ID, MODULE_VERSION.MODULE_ID,
                        MODULE_VERSION.ID, MODULE_VERSION.NUMBER, MODULE_VERSION.TITLE, MODULE_VERSION.CATEGORY,
                        MODULE_VERSION.CONTENT, MODULE_ASSIGNMENT.MODE, MODULE_ASSIGNMENT.DUE_ON,
                        MODULE_ASSIGNMENT.NOTE, MODULE_ASSIGNMENT.ASSIGNED_AT, ACCOUNT.DISPLAY_NAME,
                        MODULE_ASSIGNMENT.REVIEWED_AT, WORKS)
                .from(MODULE_ASSIGNMENT)
                .join(MODULE_VERSION).on(MODULE_VERSION.ID.eq(MODULE_ASSIGNMENT.MODULE_VERSION_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(MODULE_ASSIGNMENT.ASSIGNED_BY));
    }

    private AssignmentRow assignmentRow(Record row) {
        return new AssignmentRow(row.get(MODULE_ASSIGNMENT.ID), row.get(MODULE_ASSIGNMENT.COUPLE_ID),
                row.get(MODULE_VERSION.MODULE_ID), row.get(MODULE_VERSION.ID), row.get(MODULE_VERSION.NUMBER),
                row.get(MODULE_VERSION.TITLE), row.get(MODULE_VERSION.CATEGORY),
                WorkbookJson.content(row.get(MODULE_VERSION.CONTENT).data()),
                row.get(MODULE_ASSIGNMENT.MODE), row.get(MODULE_ASSIGNMENT.DUE_ON),
                row.get(MODULE_ASSIGNMENT.NOTE), instant(row.get(MODULE_ASSIGNMENT.ASSIGNED_AT)),
                row.get(ACCOUNT.DISPLAY_NAME), instant(row.get(MODULE_ASSIGNMENT.REVIEWED_AT)), row.get(WORKS));
    }

    Optional<Work> work(long clinicId, long workId) {
        return dsl.select(ASSIGNMENT_WORK.ID, ASSIGNMENT_WORK.ASSIGNMENT_ID, MODULE_ASSIGNMENT.COUPLE_ID,
                        ASSIGNMENT_WORK.PARTNER_ID, MODULE_ASSIGNMENT.MODE, ASSIGNMENT_WORK.SHARED,
                        ASSIGNMENT_WORK.STARTED_AT, ASSIGNMENT_WORK.SUBMITTED_AT, MODULE_ASSIGNMENT.MODULE_VERSION_ID)
                .from(ASSIGNMENT_WORK)
                .join(MODULE_ASSIGNMENT).on(MODULE_ASSIGNMENT.ID.eq(ASSIGNMENT_WORK.ASSIGNMENT_ID))
                .where(ASSIGNMENT_WORK.CLINIC_ID.eq(clinicId), ASSIGNMENT_WORK.ID.eq(workId))
                .fetchOptional(row -> new Work(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5(), row.value6(), instant(row.value7()),
                        instant(row.value8()), row.value9()));
    }

    /** The answers of these answer sets: read with every workbook page and review, rendered once (RenderedOnce). */
    List<StoredAnswer> answers(long clinicId, List<Long> workIds) {
        return answersOfWorks.select(dsl, value(CLINIC_ID, clinicId), value(WORK_IDS, workIds.toArray(Long[]::new)))
                .fetch(WorkbookRepository::storedAnswer);
    }

    /** A row of {@link #ANSWER_COLUMNS}. */
    private static StoredAnswer storedAnswer(Record row) {
        return new StoredAnswer(row.get(ANSWER.WORK_ID), new Answer(row.get(ANSWER.STEP_ID),
                WorkbookJson.answer(row.get(ANSWER.VALUE).data()), row.get(ANSWER.SHARED), row.get(ANSWER.VERSION),
                instant(row.get(ANSWER.UPDATED_AT))), row.get(ANSWER.FILLED));
    }

    private static final List<Field<?>> ANSWER_COLUMNS = List.of(ANSWER.WORK_ID, ANSWER.STEP_ID, ANSWER.VALUE,
            ANSWER.SHARED, ANSWER.VERSION, ANSWER.UPDATED_AT, ANSWER.FILLED);

    private static final Param<Long[]> WORK_IDS = param("works", Long[].class);
    private final RenderedOnce answersOfWorks = RenderedOnce.of(dsl -> dsl
            .select(ANSWER_COLUMNS)
            .from(ANSWER)
            .where(ANSWER.CLINIC_ID.eq(THE_CLINIC), ANSWER.WORK_ID.eq(any(WORK_IDS))));

    /** One answer, read on its own: autosave asks for it after every write. */
    Optional<Answer> answer(long clinicId, long workId, String stepId) {
        return answersWhere(ANSWER.CLINIC_ID.eq(clinicId).and(ANSWER.WORK_ID.eq(workId)).and(ANSWER.STEP_ID.eq(stepId)))
                .stream().map(StoredAnswer::answer).findFirst();
    }

    private List<StoredAnswer> answersWhere(Condition condition) {
        return dsl.select(ANSWER_COLUMNS)
                .from(ANSWER)
                .where(condition)
                .fetch(WorkbookRepository::storedAnswer);
    }

    /**
     * What the visibility rules need to know of some answer sets and of their answers to some steps: one row per
     * answer found, or one without an answer (null step id) for a set that has none of those steps.
     */
    record SourceRow(long workId, @Nullable Long partnerId, boolean workShared, boolean submitted,
            boolean otherSubmitted, long versionId, @Nullable String stepId, boolean answerShared) {
    }

    List<SourceRow> sources(long clinicId, Collection<Long> workIds, Collection<String> stepIds) {
        AssignmentWork other = ASSIGNMENT_WORK.as("other");
        return dsl.select(ASSIGNMENT_WORK.ID, ASSIGNMENT_WORK.PARTNER_ID, ASSIGNMENT_WORK.SHARED,
                        field(ASSIGNMENT_WORK.SUBMITTED_AT.isNotNull()),
                        field(exists(selectOne().from(other).where(other.ASSIGNMENT_ID.eq(ASSIGNMENT_WORK.ASSIGNMENT_ID),
                                other.ID.ne(ASSIGNMENT_WORK.ID), other.SUBMITTED_AT.isNotNull()))),
                        MODULE_ASSIGNMENT.MODULE_VERSION_ID, ANSWER.STEP_ID, coalesce(ANSWER.SHARED, false))
                .from(ASSIGNMENT_WORK)
                .join(MODULE_ASSIGNMENT).on(MODULE_ASSIGNMENT.ID.eq(ASSIGNMENT_WORK.ASSIGNMENT_ID),
                        MODULE_ASSIGNMENT.CLINIC_ID.eq(ASSIGNMENT_WORK.CLINIC_ID))
                .leftJoin(ANSWER).on(ANSWER.WORK_ID.eq(ASSIGNMENT_WORK.ID), ANSWER.STEP_ID.in(stepIds))
                .where(ASSIGNMENT_WORK.CLINIC_ID.eq(clinicId), ASSIGNMENT_WORK.ID.in(workIds))
                .fetch(Records.mapping(SourceRow::new));
    }

    /** Writes the answer if it is still at {@code expectedVersion} (0: not yet written); false when another write came first. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean saveAnswer(long clinicId, long workId, String stepId, int expectedVersion, AnswerValue value,
            boolean forceShared, long accountId) {
        JSONB json = JSONB.valueOf(WorkbookJson.write(value));
        if (expectedVersion == 0) {
            return dsl.insertInto(ANSWER)
                    .set(ANSWER.UPDATED_AT, OffsetDateTime.now(clock))
                    .set(ANSWER.CLINIC_ID, clinicId)
                    .set(ANSWER.WORK_ID, workId)
                    .set(ANSWER.STEP_ID, stepId)
                    .set(ANSWER.VALUE, json)
                    .set(ANSWER.FILLED, !value.isEmpty())
                    .set(ANSWER.SHARED, forceShared)
                    .set(ANSWER.UPDATED_BY, accountId)
                    .set(ANSWER.VERSION, 1)
                    .onConflictDoNothing()
                    .execute() == 1;
        }
        return dsl.update(ANSWER)
                .set(ANSWER.VALUE, json)
                .set(ANSWER.FILLED, !value.isEmpty())
                .set(ANSWER.SHARED, forceShared ? val(true) : ANSWER.SHARED)
                .set(ANSWER.UPDATED_BY, accountId)
                .set(ANSWER.UPDATED_AT, OffsetDateTime.now(clock))
                .set(ANSWER.VERSION, ANSWER.VERSION.plus(1))
                .where(ANSWER.CLINIC_ID.eq(clinicId), ANSWER.WORK_ID.eq(workId), ANSWER.STEP_ID.eq(stepId),
                        ANSWER.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    /** Shares or un-shares one answer; an answer not yet written is created empty so that the choice is kept. */
    @Transactional(propagation = Propagation.MANDATORY)
    void shareAnswer(long clinicId, long workId, String stepId, AnswerValue empty, boolean shared, long accountId) {
        dsl.insertInto(ANSWER)
                .set(ANSWER.UPDATED_AT, OffsetDateTime.now(clock))
                .set(ANSWER.CLINIC_ID, clinicId)
                .set(ANSWER.WORK_ID, workId)
                .set(ANSWER.STEP_ID, stepId)
                .set(ANSWER.VALUE, JSONB.valueOf(WorkbookJson.write(empty)))
                .set(ANSWER.SHARED, shared)
                .set(ANSWER.UPDATED_BY, accountId)
                .set(ANSWER.VERSION, 1)
                .onConflict(ANSWER.WORK_ID, ANSWER.STEP_ID)
                .doUpdate()
                .set(ANSWER.SHARED, shared)
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void shareWork(long clinicId, long workId, boolean shared) {
        dsl.update(ASSIGNMENT_WORK).set(ASSIGNMENT_WORK.SHARED, shared)
                .where(ASSIGNMENT_WORK.CLINIC_ID.eq(clinicId), ASSIGNMENT_WORK.ID.eq(workId)).execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void started(long clinicId, long workId) {
        dsl.update(ASSIGNMENT_WORK)
                .set(ASSIGNMENT_WORK.STARTED_AT, coalesce(ASSIGNMENT_WORK.STARTED_AT, OffsetDateTime.now(clock)))
                .where(ASSIGNMENT_WORK.CLINIC_ID.eq(clinicId), ASSIGNMENT_WORK.ID.eq(workId))
                .execute();
    }

    /** Submits once: false when it was already submitted (a second tab, a double click). */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean submit(long clinicId, long workId, long accountId) {
        return dsl.update(ASSIGNMENT_WORK)
                .set(ASSIGNMENT_WORK.SUBMITTED_AT, OffsetDateTime.now(clock))
                .set(ASSIGNMENT_WORK.SUBMITTED_BY, accountId)
                .set(ASSIGNMENT_WORK.STARTED_AT, coalesce(ASSIGNMENT_WORK.STARTED_AT, OffsetDateTime.now(clock)))
                .set(ASSIGNMENT_WORK.VERSION, ASSIGNMENT_WORK.VERSION.plus(1))
                .where(ASSIGNMENT_WORK.CLINIC_ID.eq(clinicId), ASSIGNMENT_WORK.ID.eq(workId),
                        ASSIGNMENT_WORK.SUBMITTED_AT.isNull())
                .execute() == 1;
    }

    List<Feedback> feedback(long clinicId, long workId) {
        return feedback(clinicId, List.of(workId)).getOrDefault(workId, List.of());
    }

    /** The feedback on each of these works, oldest first, in one statement (a work with none is absent). */
    Map<Long, List<Feedback>> feedback(long clinicId, Collection<Long> workIds) {
        if (workIds.isEmpty()) {
            return Map.of();
        }
        return dsl.select(FEEDBACK.WORK_ID, FEEDBACK.ID, FEEDBACK.STEP_ID, FEEDBACK.BODY, ACCOUNT.DISPLAY_NAME,
                        FEEDBACK.CREATED_AT)
                .from(FEEDBACK)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(FEEDBACK.CREATED_BY))
                .where(FEEDBACK.CLINIC_ID.eq(clinicId), FEEDBACK.WORK_ID.in(workIds))
                .orderBy(FEEDBACK.CREATED_AT, FEEDBACK.ID)
                .fetchGroups(row -> row.value1(), row -> new Feedback(row.value2(), row.value3(), row.value4(),
                        row.value5(), instant(row.value6())));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insertFeedback(long clinicId, long workId, @Nullable String stepId, String body, long accountId) {
        return dsl.insertInto(FEEDBACK)
                .set(FEEDBACK.CREATED_AT, OffsetDateTime.now(clock))
                .set(FEEDBACK.CLINIC_ID, clinicId)
                .set(FEEDBACK.WORK_ID, workId)
                .set(FEEDBACK.STEP_ID, stepId)
                .set(FEEDBACK.BODY, body)
                .set(FEEDBACK.CREATED_BY, accountId)
                .returning(FEEDBACK.ID)
                .fetchSingle().getId();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void markReviewed(long clinicId, long assignmentId, long accountId) {
        dsl.update(MODULE_ASSIGNMENT)
                .set(MODULE_ASSIGNMENT.REVIEWED_AT, coalesce(MODULE_ASSIGNMENT.REVIEWED_AT, OffsetDateTime.now(clock)))
                .set(MODULE_ASSIGNMENT.REVIEWED_BY, coalesce(MODULE_ASSIGNMENT.REVIEWED_BY, val(accountId)))
                .set(MODULE_ASSIGNMENT.VERSION, MODULE_ASSIGNMENT.VERSION.plus(1))
                .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(clinicId), MODULE_ASSIGNMENT.ID.eq(assignmentId))
                .execute();
    }

    @Contract("!null -> !null")
    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
