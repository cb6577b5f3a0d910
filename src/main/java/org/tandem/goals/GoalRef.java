package org.tandem.goals;

import org.jspecify.annotations.Nullable;
import org.tandem.workbook.GoalOrigin;

/**
 * The facts about a goal that decide who may see and change it.
 *
 * @param ownShare the goal's own share, which decides only for a goal without a source answer
 * @param sourceWorkId the answer set of the goal step it was born from; null for a goal added by hand
 */
record GoalRef(long goalId, long coupleId, @Nullable Long ownerPartnerId, boolean ownShare, @Nullable Long sourceWorkId,
        @Nullable String sourceStepId) {

    /** The answer it was born from, if any: then that answer decides who sees it. */
    @Nullable GoalOrigin origin() {
        return sourceWorkId == null || sourceStepId == null ? null
                : new GoalOrigin(sourceWorkId, sourceStepId, ownerPartnerId == null);
    }
}
