package org.tandem.workbook;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An assignment in a partner's My workbook list, with their own progress. */
public record MyAssignment(long assignmentId, String title, Category category, String purpose, int minutes,
        @Nullable LocalDate dueOn, boolean overdue, AssignmentMode mode, Progress progress, int answered,
        int answerable, @Nullable Instant submittedAt, boolean reviewed, int feedbackCount) {
}
