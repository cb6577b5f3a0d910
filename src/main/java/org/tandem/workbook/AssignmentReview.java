package org.tandem.workbook;

import java.util.List;
import java.util.Map;

/**
 * What the therapist reads of one assignment: the module as given, and per answer set its progress, its
 * answers once submitted (keyed by step id; empty before), and the feedback given so far.
 */
public record AssignmentReview(AssignmentSummary summary, ModuleContent content, List<WorkAnswers> works) {

    public record WorkAnswers(WorkProgress progress, Map<String, Answer> answers, List<Feedback> feedback) {
    }
}
