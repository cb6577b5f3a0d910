package org.tandem.workbook;

import org.jspecify.annotations.Nullable;

/**
 * A therapist left feedback on an answer set (published in that transaction; notifications listen).
 *
 * @param partnerId the partner whose work it is, or null for a couple's TOGETHER answers (both partners' work)
 */
public record FeedbackGiven(long clinicId, long coupleId, long assignmentId, long workId, @Nullable Long partnerId,
        long givenBy) {}
