package org.tandem.workbook;

import org.jspecify.annotations.Nullable;

/**
 * A partner submitted an answer set (published in the submitting transaction; notifications listen).
 *
 * @param partnerId the partner whose answers these are, or null for a couple's TOGETHER answers
 */
public record WorkSubmitted(long clinicId, long coupleId, long assignmentId, long workId, @Nullable Long partnerId,
        long submittedBy) {}
