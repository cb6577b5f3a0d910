package org.tandem.workbook;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One answer set of an assignment and how far it has come.
 *
 * @param partnerId the partner who answers, or null for the couple's shared answers (TOGETHER)
 * @param partnerName their name, or null for the couple's shared answers
 */
public record WorkProgress(long workId, @Nullable Long partnerId, @Nullable String partnerName, Progress progress,
        int answered, int answerable, @Nullable Instant submittedAt) {
}
