package org.tandem.goals;

import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ASSIGNMENT_WORK;
import static org.tandem.jooq.Tables.MODULE;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;
import static org.tandem.jooq.Tables.MODULE_VERSION;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.tandem.support.TestClock;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.GoalScope;
import org.tandem.workbook.GoalsSubmitted;

/** Rows the goal tests stand on: partners by name, and an answer set of an assigned module to be the goals' source. */
public final class GoalFixtures {

    private GoalFixtures() {}

    public static long partnerId(DSLContext dsl, String fullName) {
        return dsl.select(PARTNER.ID).from(PARTNER).where(PARTNER.FULL_NAME.eq(fullName)).orderBy(PARTNER.ID).limit(1)
                .fetchSingle(PARTNER.ID);
    }

    /**
     * A goal-setting module assigned by the couple's therapist, with one answer set: the partner's own, or the
     * couple's TOGETHER one when {@code partnerId} is null. Returns the answer set's id.
     */
    public static long answerSet(DSLContext dsl, long coupleId, @Nullable Long partnerId, String therapistEmail) {
        var therapist = dsl.select(ACCOUNT.ID, ACCOUNT.CLINIC_ID).from(ACCOUNT).where(ACCOUNT.EMAIL.eq(therapistEmail))
                .fetchSingle();
        long clinic = therapist.value2();
        JSONB content = JSONB.valueOf("{\"steps\": []}");
        long module = dsl.insertInto(MODULE)
                .set(MODULE.CREATED_AT, TestClock.START_AT)
                .set(MODULE.UPDATED_AT, TestClock.START_AT)
                .set(MODULE.CLINIC_ID, clinic)
                .set(MODULE.TITLE, "A goal of my own")
                .set(MODULE.CATEGORY, "GOAL_SETTING")
                .set(MODULE.DRAFT, content)
                .set(MODULE.CREATED_BY, therapist.value1())
                .returning(MODULE.ID).fetchSingle(MODULE.ID);
        long version = dsl.insertInto(MODULE_VERSION)
                .set(MODULE_VERSION.PUBLISHED_AT, TestClock.START_AT)
                .set(MODULE_VERSION.MODULE_ID, module)
                .set(MODULE_VERSION.CLINIC_ID, clinic)
                .set(MODULE_VERSION.NUMBER, 1)
                .set(MODULE_VERSION.TITLE, "A goal of my own")
                .set(MODULE_VERSION.CATEGORY, "GOAL_SETTING")
                .set(MODULE_VERSION.CONTENT, content)
                .set(MODULE_VERSION.CONTENT_HASH, "test")
                .returning(MODULE_VERSION.ID).fetchSingle(MODULE_VERSION.ID);
        long assignment = dsl.insertInto(MODULE_ASSIGNMENT)
                .set(MODULE_ASSIGNMENT.ASSIGNED_AT, TestClock.START_AT)
                .set(MODULE_ASSIGNMENT.CLINIC_ID, clinic)
                .set(MODULE_ASSIGNMENT.COUPLE_ID, coupleId)
                .set(MODULE_ASSIGNMENT.MODULE_VERSION_ID, version)
                .set(MODULE_ASSIGNMENT.MODE, partnerId == null ? "TOGETHER" : "SEPARATE")
                .set(MODULE_ASSIGNMENT.ASSIGNED_BY, therapist.value1())
                .returning(MODULE_ASSIGNMENT.ID).fetchSingle(MODULE_ASSIGNMENT.ID);
        return dsl.insertInto(ASSIGNMENT_WORK)
                .set(ASSIGNMENT_WORK.CLINIC_ID, clinic)
                .set(ASSIGNMENT_WORK.ASSIGNMENT_ID, assignment)
                .set(ASSIGNMENT_WORK.PARTNER_ID, partnerId)
                .returning(ASSIGNMENT_WORK.ID).fetchSingle(ASSIGNMENT_WORK.ID);
    }

    public static GoalsSubmitted.SubmittedGoal step(String stepId, String what, GoalScope scope, boolean shared) {
        return new GoalsSubmitted.SubmittedGoal(stepId,
                new AnswerValue.GoalValue(what, "Because it matters", "Start on Monday", TestClock.TODAY.plusMonths(2),
                        scope), shared);
    }
}
