package org.tandem.workbook;

import org.jspecify.annotations.Nullable;

/**
 * Who may see a goal born from a goal step, by the rules of the answer it came from ({@link AnswerVisibility}):
 * the goal shows what the answer says, so the partner who did not write it sees the goal exactly when they may
 * see the answer. Says nothing of what the answer says.
 *
 * @param writerPartnerId the partner who wrote the answer; null when the couple wrote it together
 * @param otherPartnerSees the partner who did not write it may see the goal now (always, when written together)
 * @param rule what decides that, and so what the writer may change
 */
public record GoalSource(@Nullable Long writerPartnerId, boolean otherPartnerSees, Rule rule) {

    public enum Rule {
        /** The couple wrote the answer together (TOGETHER mode): it is both partners'. */
        TOGETHER,
        /** The writer set it as a goal for the couple: shared by that choice. */
        COUPLE_GOAL,
        /** The answer's own share, which the writer may give or take back. */
        ANSWER_SHARE,
        /** The writer shared all their answers in the module; taken back there. */
        WHOLE_MODULE,
        /** Written shared under the clinic's no-secrets policy, so it stays shared. */
        NO_SECRETS,
        /** A "reveal when both have answered" step: seen once both partners have submitted, whatever else is set. */
        BOTH_SUBMITTED
    }
}
