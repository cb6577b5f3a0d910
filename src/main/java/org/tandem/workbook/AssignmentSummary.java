package org.tandem.workbook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An assignment on the couple's Workbook tab, with each answer set's progress. */
public record AssignmentSummary(long assignmentId, long moduleId, long versionId, String title, Category category,
        int versionNumber, AssignmentMode mode, @Nullable LocalDate dueOn, @Nullable String note, Instant assignedAt,
        String assignedBy, boolean overdue, @Nullable Instant reviewedAt, List<WorkProgress> works) {

    /** Every answer set is submitted. */
    public boolean complete() {
        return works.stream().allMatch(work -> work.progress() == Progress.SUBMITTED);
    }
}
