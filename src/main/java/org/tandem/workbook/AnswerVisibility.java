package org.tandem.workbook;

/**
 * The one rule for what a partner may see of the other partner's answers (product.md): private to the
 * partner and the therapist by default; visible to the other partner when shared (the answer or the
 * whole module); a mutual-reveal step only once both have submitted, whatever else is set. Answers
 * written together (TOGETHER mode) belong to both and are not ruled here.
 *
 * <p>The clinic's "no secrets" policy works through the answer's own shared flag: an answer written
 * while the policy is on is stored shared, and cannot be taken back. Switching the policy on therefore
 * never reveals answers that were written under the promise of privacy.
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

    /** Whether an answer counts as shared with the other partner when it is used elsewhere (a goal born from it). */
    static boolean sharedWithPartner(Step step, boolean answerShared, boolean workShared) {
        return step.mutualReveal() || answerShared || workShared;
    }
}
