package org.tandem.workbook;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.TandemUser;

/**
 * A partner submitted an answer set holding goal steps: each filled-in goal becomes a tracked goal.
 * Published inside the submitting transaction, so the goals commit or roll back with the submission.
 *
 * @param ownerPartnerId the partner whose answers these are, or null for a couple's TOGETHER answers
 */
public record GoalsSubmitted(TandemUser partner, long coupleId, long workId, @Nullable Long ownerPartnerId,
        List<SubmittedGoal> goals) {

    /**
     * One filled-in goal step. Who may see the goal it gives is not decided here, once and for all: it follows
     * the answer on every read ({@link GoalSources}).
     */
    public record SubmittedGoal(String stepId, AnswerValue.GoalValue goal) {
    }
}
