package org.tandem.goals;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.GOAL;
import static org.tandem.jooq.Tables.GOAL_MILESTONE;
import static org.tandem.jooq.Tables.GOAL_UPDATE;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.jooq.tables.Account;
import org.tandem.jooq.tables.Partner;

@Repository
class GoalRepository {

    private final DSLContext dsl;
    private final Clock clock;

    GoalRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * A goal as stored, with the facts that decide who sees it. Its {@code shared} is the goal's own share and its
     * sharing as if it had no source answer: {@link GoalService} decides both.
     */
    record StoredGoal(TrackedGoal goal, GoalRef ref) {
    }

    /** Every goal of one couple: the couple's first, then by owner; active ones before the others. */
    List<StoredGoal> ofCouple(long clinicId, long coupleId) {
        return goals(GOAL.CLINIC_ID.eq(clinicId).and(GOAL.COUPLE_ID.eq(coupleId)));
    }

    /**
     * The goals of one couple that this partner might see: the couple's, their own, those the other partner
     * shares by hand and those born from an answer, which the answer's visibility decides.
     */
    List<StoredGoal> mayBeVisibleTo(long clinicId, long coupleId, long partnerId) {
        return goals(GOAL.CLINIC_ID.eq(clinicId).and(GOAL.COUPLE_ID.eq(coupleId))
                .and(GOAL.OWNER_PARTNER_ID.isNull().or(GOAL.OWNER_PARTNER_ID.eq(partnerId)).or(GOAL.SHARED)
                        .or(GOAL.SOURCE_WORK_ID.isNotNull())));
    }

    Optional<StoredGoal> find(long clinicId, long goalId) {
        return goals(GOAL.CLINIC_ID.eq(clinicId).and(GOAL.ID.eq(goalId))).stream().findFirst();
    }

    private List<StoredGoal> goals(Condition which) {
        Partner owner = PARTNER.as("owner");
        Account reacher = ACCOUNT.as("reacher");
        return dsl.select(GOAL.ID, GOAL.COUPLE_ID, GOAL.OWNER_PARTNER_ID,
                        coalesce(owner.PREFERRED_NAME, owner.FULL_NAME), GOAL.SHARED, GOAL.WHAT, GOAL.WHY,
                        GOAL.FIRST_STEP, GOAL.TARGET_ON, GOAL.STATUS, GOAL.PROGRESS,
                        GOAL.CREATED_AT, GOAL.VERSION,
                        multiset(select(GOAL_MILESTONE.ID, GOAL_MILESTONE.TITLE, GOAL_MILESTONE.POSITION,
                                                GOAL_MILESTONE.REACHED_AT, reacher.DISPLAY_NAME)
                                        .from(GOAL_MILESTONE)
                                        .leftJoin(reacher).on(reacher.ID.eq(GOAL_MILESTONE.REACHED_BY),
                                                reacher.CLINIC_ID.eq(GOAL_MILESTONE.CLINIC_ID))
                                        .where(GOAL_MILESTONE.CLINIC_ID.eq(GOAL.CLINIC_ID),
                                                GOAL_MILESTONE.GOAL_ID.eq(GOAL.ID))
                                        .orderBy(GOAL_MILESTONE.POSITION, GOAL_MILESTONE.ID))
                                .convertFrom(rows -> rows.map(Records.mapping(Milestone::new))),
                        multiset(select(GOAL_UPDATE.ID, GOAL_UPDATE.BODY, GOAL_UPDATE.PROGRESS, ACCOUNT.DISPLAY_NAME,
                                                GOAL_UPDATE.CREATED_AT)
                                        .from(GOAL_UPDATE)
                                        .join(ACCOUNT).on(ACCOUNT.ID.eq(GOAL_UPDATE.CREATED_BY),
                                                ACCOUNT.CLINIC_ID.eq(GOAL_UPDATE.CLINIC_ID))
                                        .where(GOAL_UPDATE.CLINIC_ID.eq(GOAL.CLINIC_ID), GOAL_UPDATE.GOAL_ID.eq(GOAL.ID))
                                        .orderBy(GOAL_UPDATE.CREATED_AT.desc(), GOAL_UPDATE.ID.desc()))
                                .convertFrom(rows -> rows.map(Records.mapping(GoalUpdate::new))),
                        GOAL.SOURCE_WORK_ID, GOAL.SOURCE_STEP_ID)
                .from(GOAL)
                .leftJoin(owner).on(owner.ID.eq(GOAL.OWNER_PARTNER_ID), owner.CLINIC_ID.eq(GOAL.CLINIC_ID))
                .where(which)
                .orderBy(GOAL.OWNER_PARTNER_ID.isNotNull(), owner.POSITION, GOAL.STATUS.ne(GoalStatus.ACTIVE),
                        GOAL.ID)
                .fetch(row -> new StoredGoal(
                        new TrackedGoal(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                                row.value3() == null ? GoalSharing.COUPLE : GoalSharing.OWN_CHOICE, row.value6(),
                                row.value7(), row.value8(), row.value9(), row.value10(), row.value11(),
                                row.value16() != null, row.value12(), row.value13(), row.value14(), row.value15(),
                                false, false),
                        new GoalRef(row.value1(), row.value2(), row.value3(), row.value5(), row.value16(),
                                row.value17())));
    }

    /** Both partners of a couple, in position order, with their full names. */
    List<PartnerGoals> partners(long clinicId, long coupleId) {
        return dsl.select(PARTNER.ID, PARTNER.FULL_NAME)
                .from(PARTNER)
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.COUPLE_ID.eq(coupleId))
                .orderBy(PARTNER.POSITION)
                .fetch(row -> new PartnerGoals(row.value1(), row.value2(), List.of()));
    }

    boolean isPartnerOf(long clinicId, long coupleId, long partnerId) {
        return dsl.fetchExists(PARTNER, PARTNER.CLINIC_ID.eq(clinicId), PARTNER.COUPLE_ID.eq(coupleId),
                PARTNER.ID.eq(partnerId));
    }

    /** Who the goal belongs to, if it is in this clinic. */
    Optional<GoalRef> ref(long clinicId, long goalId) {
        return dsl.select(GOAL.ID, GOAL.COUPLE_ID, GOAL.OWNER_PARTNER_ID, GOAL.SHARED, GOAL.SOURCE_WORK_ID,
                        GOAL.SOURCE_STEP_ID)
                .from(GOAL)
                .where(GOAL.CLINIC_ID.eq(clinicId), GOAL.ID.eq(goalId))
                .fetchOptional(Records.mapping(GoalRef::new));
    }

    /** The goal a milestone belongs to, if the milestone is in this clinic. */
    Optional<Long> goalOfMilestone(long clinicId, long milestoneId) {
        return dsl.select(GOAL_MILESTONE.GOAL_ID)
                .from(GOAL_MILESTONE)
                .where(GOAL_MILESTONE.CLINIC_ID.eq(clinicId), GOAL_MILESTONE.ID.eq(milestoneId))
                .fetchOptional(GOAL_MILESTONE.GOAL_ID);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insert(long clinicId, long coupleId, GoalData data, long createdBy) {
        return dsl.insertInto(GOAL)
                .set(GOAL.CREATED_AT, OffsetDateTime.now(clock))
                .set(GOAL.CLINIC_ID, clinicId)
                .set(GOAL.COUPLE_ID, coupleId)
                .set(GOAL.OWNER_PARTNER_ID, data.ownerPartnerId())
                .set(GOAL.SHARED, data.shared())
                .set(GOAL.WHAT, data.what())
                .set(GOAL.WHY, data.why())
                .set(GOAL.FIRST_STEP, data.firstStep())
                .set(GOAL.TARGET_ON, data.targetOn())
                .set(GOAL.CREATED_BY, createdBy)
                .returning(GOAL.ID)
                .fetchSingle().getId();
    }

    /**
     * A goal born from a goal step of a submitted answer set; nothing (empty) when that step already gave
     * one, so that a resubmission never duplicates it. It gets no share of its own: its answer decides.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Long> insertFromStep(long clinicId, long coupleId, @Nullable Long ownerPartnerId,
            String what, @Nullable String why, @Nullable String firstStep, @Nullable LocalDate targetOn,
            long createdBy, long workId, String stepId) {
        return dsl.insertInto(GOAL)
                .set(GOAL.CREATED_AT, OffsetDateTime.now(clock))
                .set(GOAL.CLINIC_ID, clinicId)
                .set(GOAL.COUPLE_ID, coupleId)
                .set(GOAL.OWNER_PARTNER_ID, ownerPartnerId)
                .set(GOAL.WHAT, what)
                .set(GOAL.WHY, why)
                .set(GOAL.FIRST_STEP, firstStep)
                .set(GOAL.TARGET_ON, targetOn)
                .set(GOAL.CREATED_BY, createdBy)
                .set(GOAL.SOURCE_WORK_ID, workId)
                .set(GOAL.SOURCE_STEP_ID, stepId)
                .onConflict(GOAL.SOURCE_WORK_ID, GOAL.SOURCE_STEP_ID).doNothing()
                .returning(GOAL.ID)
                .fetchOptional(GOAL.ID);
    }

    /** Sets the goal's own share (a goal added by hand), if it is still at the version the caller read. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean updateShared(long clinicId, long goalId, int expectedVersion, boolean shared) {
        return updateAtVersion(clinicId, goalId, expectedVersion, GOAL.SHARED, shared);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    boolean updateStatus(long clinicId, long goalId, int expectedVersion, GoalStatus status) {
        return updateAtVersion(clinicId, goalId, expectedVersion, GOAL.STATUS, status);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    boolean updateProgress(long clinicId, long goalId, int expectedVersion, int progress) {
        return updateAtVersion(clinicId, goalId, expectedVersion, GOAL.PROGRESS, progress);
    }

    /** Sets one column of the goal if it is still at the version the caller read; false when it is not. */
    private <T> boolean updateAtVersion(long clinicId, long goalId, int expectedVersion, Field<T> column, T value) {
        return dsl.update(GOAL)
                .set(column, value)
                .set(GOAL.VERSION, GOAL.VERSION.plus(1))
                .where(GOAL.CLINIC_ID.eq(clinicId), GOAL.ID.eq(goalId), GOAL.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insertUpdate(long clinicId, long goalId, String body, @Nullable Integer progress, long createdBy) {
        return dsl.insertInto(GOAL_UPDATE)
                .set(GOAL_UPDATE.CREATED_AT, OffsetDateTime.now(clock))
                .set(GOAL_UPDATE.CLINIC_ID, clinicId)
                .set(GOAL_UPDATE.GOAL_ID, goalId)
                .set(GOAL_UPDATE.BODY, body)
                .set(GOAL_UPDATE.PROGRESS, progress)
                .set(GOAL_UPDATE.CREATED_BY, createdBy)
                .returning(GOAL_UPDATE.ID)
                .fetchSingle().getId();
    }

    /** Adds a milestone after the goal's last one. */
    @Transactional(propagation = Propagation.MANDATORY)
    Milestone insertMilestone(long clinicId, long goalId, String title) {
        return dsl.insertInto(GOAL_MILESTONE)
                .set(GOAL_MILESTONE.CLINIC_ID, clinicId)
                .set(GOAL_MILESTONE.GOAL_ID, goalId)
                .set(GOAL_MILESTONE.TITLE, title)
                .set(GOAL_MILESTONE.POSITION, select(coalesce(max(GOAL_MILESTONE.POSITION), 0).plus(1))
                        .from(GOAL_MILESTONE)
                        .where(GOAL_MILESTONE.CLINIC_ID.eq(clinicId), GOAL_MILESTONE.GOAL_ID.eq(goalId)))
                .returning(GOAL_MILESTONE.ID, GOAL_MILESTONE.TITLE, GOAL_MILESTONE.POSITION)
                .fetchSingle(row -> new Milestone(row.getId(), row.getTitle(), row.getPosition(), null, null));
    }

    /**
     * Locks the goal's row until the transaction ends, so that two people ticking its milestones at once
     * are counted one after the other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock(long clinicId, long goalId) {
        dsl.select(GOAL.ID).from(GOAL).where(GOAL.CLINIC_ID.eq(clinicId), GOAL.ID.eq(goalId)).forUpdate().execute();
    }

    /** Marks the milestone reached now; false when it already was. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean reach(long clinicId, long milestoneId, long reachedBy) {
        return dsl.update(GOAL_MILESTONE)
                .set(GOAL_MILESTONE.REACHED_AT, OffsetDateTime.now(clock))
                .set(GOAL_MILESTONE.REACHED_BY, reachedBy)
                .where(GOAL_MILESTONE.CLINIC_ID.eq(clinicId), GOAL_MILESTONE.ID.eq(milestoneId),
                        GOAL_MILESTONE.REACHED_AT.isNull())
                .execute() == 1;
    }

    int openMilestones(long clinicId, long goalId) {
        return dsl.fetchCount(GOAL_MILESTONE, GOAL_MILESTONE.CLINIC_ID.eq(clinicId), GOAL_MILESTONE.GOAL_ID.eq(goalId),
                GOAL_MILESTONE.REACHED_AT.isNull());
    }
}
