package org.tandem.workbook;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for what a partner may see of the other partner's answers (product.md): private to the
 * partner and the therapist by default; visible to the other partner when shared (the answer or the
 * whole module); a mutual-reveal step only once both have submitted, whatever else is set. Answers
 * written together (TOGETHER mode) belong to both and are not ruled here.
 *
 * <p>The clinic's "no secrets" policy works through the answer's own shared flag: an answer written
 * while the policy is on is stored shared, and cannot be taken back. Switching the policy on therefore
 * never reveals answers that were written under the promise of privacy.
 *
 * <p>A goal born from a goal step follows the answer it came from ({@link #goalSource}); it has no say of its own.
 */
final class AnswerVisibility {

    private AnswerVisibility() {}

    /**
     * Whether the viewer may read the other partner's answer to this step.
     *
     * @param answerShared the owner shared this answer
     * @param workShared the owner shared the whole module
     * @param ownerSubmitted the owner submitted their answers
     * @param viewerSubmitted the viewer submitted their own answers to the same assignment
     */
    static boolean otherPartnerMaySee(Step step, boolean answerShared, boolean workShared,
            boolean ownerSubmitted, boolean viewerSubmitted) {
        if (!step.answerable()) {
            return false;
        }
        if (step.mutualReveal()) {
            return ownerSubmitted && viewerSubmitted;
        }
        return answerShared || workShared;
    }

    /**
     * Who may see a goal born from an answer to a goal step. The goal shows what the answer says, so the other
     * partner sees it exactly when {@link #otherPartnerMaySee} lets them see the answer: a goal from a
     * mutual-reveal step only once both have submitted, any other only while its answer or the whole module is
     * shared. A goal the writer set for the couple counts as shared by that choice, yet, like a shared answer,
     * still waits on a mutual-reveal step. An answer written together belongs to both partners.
     *
     * @param writerPartnerId the partner whose answer set it is; null for a couple's TOGETHER answers
     * @param step the goal step; null when the module has none by that id (then no one else sees the goal)
     * @param noSecrets the clinic's no-secrets policy is on now, so a shared answer cannot be taken back
     * @param writerSubmitted the writer submitted their answers
     * @param otherSubmitted the other partner submitted their own answers to the same assignment
     */
    static GoalSource goalSource(@Nullable Long writerPartnerId, @Nullable Step step, boolean coupleGoal,
            boolean answerShared, boolean workShared, boolean noSecrets, boolean writerSubmitted,
            boolean otherSubmitted) {
        if (writerPartnerId == null) {
            return new GoalSource(null, true, GoalSource.Rule.TOGETHER);
        }
        if (step == null) {
            return new GoalSource(writerPartnerId, false, GoalSource.Rule.ANSWER_SHARE);
        }
        boolean sees = otherPartnerMaySee(step, answerShared || coupleGoal, workShared, writerSubmitted,
                otherSubmitted);
        GoalSource.Rule rule;
        if (step.mutualReveal()) {
            rule = GoalSource.Rule.BOTH_SUBMITTED;
        } else if (coupleGoal) {
            rule = GoalSource.Rule.COUPLE_GOAL;
        } else if (answerShared && noSecrets) {
            rule = GoalSource.Rule.NO_SECRETS;
        } else if (workShared) {
            rule = GoalSource.Rule.WHOLE_MODULE;
        } else {
            rule = GoalSource.Rule.ANSWER_SHARE;
        }
        return new GoalSource(writerPartnerId, sees, rule);
    }
}
