package org.tandem.goals;

import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ANSWER;
import static org.tandem.jooq.Tables.ASSIGNMENT_WORK;
import static org.tandem.jooq.Tables.GOAL;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;
import static org.tandem.jooq.Tables.MODULE_VERSION;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TestModules;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.AssignmentData;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.Category;
import org.tandem.workbook.GoalScope;
import org.tandem.workbook.GoalsSubmitted;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.Step;
import org.tandem.workbook.WorkbookJson;
import org.tandem.workbook.WorkbookService;

/** Rows the goal tests stand on: an answer set of an assigned module to be the goals' source. */
public final class GoalFixtures {

    /**
     * A module of goal steps: "own", "blank" and "open" for a partner's own goal, "ours" for a goal the couple
     * shares, and "secret" (own) and "our-secret" (the couple's) marked "reveal when both have answered".
     */
    public static final ModuleContent GOAL_STEPS = new ModuleContent("Goals for tests", Category.GOAL_SETTING,
            "A module for tests, with goal steps of every kind.", 10, List.of(
                    new Step.Goal("own", "My goal", "Set a goal of your own.", GoalScope.INDIVIDUAL, false),
                    new Step.Goal("ours", "Our goal", "Set a goal for you both.", GoalScope.SHARED, false),
                    new Step.Goal("blank", "Another goal", "One more, if you like.", GoalScope.INDIVIDUAL, false),
                    new Step.Goal("open", "A goal to share", "One you may share.", GoalScope.INDIVIDUAL, false),
                    new Step.Goal("secret", "A goal to reveal", "Revealed when you have both answered.",
                            GoalScope.INDIVIDUAL, true),
                    new Step.Goal("our-secret", "Our goal to reveal", "Revealed when you have both answered.",
                            GoalScope.SHARED, true)));

    private GoalFixtures() {}

    /**
     * The module of {@link #GOAL_STEPS} assigned by the couple's therapist, with one answer set: the partner's own,
     * or the couple's TOGETHER one when {@code partnerId} is null. Returns the answer set's id.
     */
    public static long answerSet(DSLContext dsl, long coupleId, @Nullable Long partnerId, String therapistEmail) {
        var therapist = dsl.select(ACCOUNT.ID, ACCOUNT.CLINIC_ID).from(ACCOUNT).where(ACCOUNT.EMAIL.eq(therapistEmail))
                .fetchSingle();
        long clinic = therapist.value2();
        long module = TestModules.publish(dsl, therapistEmail, GOAL_STEPS);
        long version = dsl.select(MODULE_VERSION.ID).from(MODULE_VERSION).where(MODULE_VERSION.MODULE_ID.eq(module))
                .fetchSingle(MODULE_VERSION.ID);
        long assignment = dsl.insertInto(MODULE_ASSIGNMENT)
                .set(MODULE_ASSIGNMENT.ASSIGNED_AT, TestClock.START_AT)
                .set(MODULE_ASSIGNMENT.CLINIC_ID, clinic)
                .set(MODULE_ASSIGNMENT.COUPLE_ID, coupleId)
                .set(MODULE_ASSIGNMENT.MODULE_VERSION_ID, version)
                .set(MODULE_ASSIGNMENT.MODE, partnerId == null ? AssignmentMode.TOGETHER : AssignmentMode.SEPARATE)
                .set(MODULE_ASSIGNMENT.ASSIGNED_BY, therapist.value1())
                .returning(MODULE_ASSIGNMENT.ID).fetchSingle(MODULE_ASSIGNMENT.ID);
        return dsl.insertInto(ASSIGNMENT_WORK)
                .set(ASSIGNMENT_WORK.CLINIC_ID, clinic)
                .set(ASSIGNMENT_WORK.ASSIGNMENT_ID, assignment)
                .set(ASSIGNMENT_WORK.PARTNER_ID, partnerId)
                .returning(ASSIGNMENT_WORK.ID).fetchSingle(ASSIGNMENT_WORK.ID);
    }

    public static GoalsSubmitted.SubmittedGoal step(String stepId, String what, GoalScope scope) {
        return new GoalsSubmitted.SubmittedGoal(stepId,
                new AnswerValue.GoalValue(what, "Because it matters", "Start on Monday", TestClock.TODAY.plusMonths(2),
                        scope));
    }

    /** Stores the answer a submitted goal step gave, shared with the other partner or not, as submitting leaves it. */
    public static void answer(DSLContext dsl, long workId, long writerAccountId, GoalsSubmitted.SubmittedGoal step,
            boolean shared) {
        long clinic = dsl.select(ASSIGNMENT_WORK.CLINIC_ID).from(ASSIGNMENT_WORK).where(ASSIGNMENT_WORK.ID.eq(workId))
                .fetchSingle(ASSIGNMENT_WORK.CLINIC_ID);
        dsl.insertInto(ANSWER)
                .set(ANSWER.UPDATED_AT, TestClock.START_AT)
                .set(ANSWER.CLINIC_ID, clinic)
                .set(ANSWER.WORK_ID, workId)
                .set(ANSWER.STEP_ID, step.stepId())
                .set(ANSWER.VALUE, JSONB.valueOf(WorkbookJson.write(step.goal())))
                .set(ANSWER.FILLED, true)
                .set(ANSWER.SHARED, shared)
                .set(ANSWER.UPDATED_BY, writerAccountId)
                .set(ANSWER.VERSION, 1)
                .execute();
    }

    // ---- through the workbook, as the partners do it ----

    /** The couple's therapist assigns a module of {@link #GOAL_STEPS} to the couple, each partner on their own. */
    public static long assignGoalSteps(DSLContext dsl, WorkbookService workbook, SignIn signIn, long coupleId,
            String therapistEmail) {
        long module = TestModules.publish(dsl, therapistEmail, GOAL_STEPS);
        return signIn.during(therapistEmail, () -> workbook.assign(coupleId, module,
                new AssignmentData(null, null, AssignmentMode.SEPARATE)));
    }

    /** The partner writes a goal in one step of their own answers to the assignment; returns that answer set. */
    public static long writeGoal(MyWorkbookService workbook, SignIn signIn, String partnerEmail, long assignmentId,
            String stepId, String what, GoalScope scope) {
        return signIn.during(partnerEmail, () -> {
            long work = workbook.myWork(assignmentId).workId();
            workbook.saveAnswer(work, stepId, 0, new AnswerValue.GoalValue(what, "Because it matters to me",
                    "Start this week", null, scope));
            return work;
        });
    }

    /** The partner submits their answers to the assignment (so goals set in them become tracked goals). */
    public static void submit(MyWorkbookService workbook, SignIn signIn, String partnerEmail, long assignmentId) {
        signIn.during(partnerEmail, () -> {
            workbook.submit(workbook.myWork(assignmentId).workId());
            return null;
        });
    }

    /** The tracked goal one goal step of this answer set gave. */
    public static long goalFrom(DSLContext dsl, long workId, String stepId) {
        return dsl.select(GOAL.ID).from(GOAL).where(GOAL.SOURCE_WORK_ID.eq(workId), GOAL.SOURCE_STEP_ID.eq(stepId))
                .fetchSingle(GOAL.ID);
    }
}
