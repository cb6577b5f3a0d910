package org.tandem.workbook;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Assignments of modules to couples, the partners' answers, and the therapist's review. Every read a
 * partner makes goes through {@link AnswerVisibility}; every therapist call through the couple check.
 */
@Service
@Validated
@Transactional
public class WorkbookService {

    // ---- therapist ----

    /** Assigns the latest published version of a module to one of the therapist's couples; returns the assignment id. */
    @PreAuthorize("hasRole('THERAPIST')")
    public long assign(long coupleId, long moduleId, @Valid AssignmentData data) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The couple's assignments, newest first, with each answer set's progress. */
    @PreAuthorize("hasRole('THERAPIST')")
    public List<AssignmentSummary> assignments(long coupleId) {
        throw new UnsupportedOperationException("in progress");
    }

    /** One assignment with the submitted answers and the feedback so far. Audited. */
    @PreAuthorize("hasRole('THERAPIST')")
    public AssignmentReview review(long assignmentId) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Leaves feedback on an answer set: on one step, or on the whole module when {@code stepId} is null. */
    @PreAuthorize("hasRole('THERAPIST')")
    public Feedback giveFeedback(long workId, String stepId, String body) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Marks the assignment reviewed. */
    @PreAuthorize("hasRole('THERAPIST')")
    public void markReviewed(long assignmentId) {
        throw new UnsupportedOperationException("in progress");
    }

    // ---- partner ----

    /** The signed-in partner's assignments: open ones first (by due date), then completed ones. */
    @PreAuthorize("hasRole('CLIENT')")
    public List<MyAssignment> myAssignments() {
        throw new UnsupportedOperationException("in progress");
    }

    /** One of the signed-in partner's assignments, with what they may see of it. Audited. */
    @PreAuthorize("hasRole('CLIENT')")
    public MyWork myWork(long assignmentId) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Saves one answer (autosave) if it was not changed since {@code expectedVersion} (0 for a first
     * answer); else {@link AnswerConflictException}. Refused once submitted ({@link WorkSubmittedException})
     * or when it does not fit the step ({@link AnswerRejectedException}). Returns the saved answer.
     */
    @PreAuthorize("hasRole('CLIENT')")
    public Answer saveAnswer(long workId, String stepId, int expectedVersion, AnswerValue value) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Shares one of the partner's own answers with the other partner, or takes the share back. */
    @PreAuthorize("hasRole('CLIENT')")
    public void shareAnswer(long workId, String stepId, boolean shared) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Shares the partner's whole answer set with the other partner, or takes the share back. */
    @PreAuthorize("hasRole('CLIENT')")
    public void shareWork(long workId, boolean shared) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Submits the answer set: read-only from now on; goals set in it become tracked goals. */
    @PreAuthorize("hasRole('CLIENT')")
    public void submit(long workId) {
        throw new UnsupportedOperationException("in progress");
    }
}
