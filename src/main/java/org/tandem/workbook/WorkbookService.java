package org.tandem.workbook;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.TandemUser;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleAccess;
import org.tandem.workbook.WorkbookRepository.AssignmentRow;
import org.tandem.workbook.WorkbookRepository.Work;
import org.tandem.workbook.WorkbookRepository.WorkRow;

/**
 * The therapist's side of the workbook: assigning modules to couples, listing a couple's assignments,
 * reviewing submitted answers and giving feedback. Every call passes the couple check first. Reads of
 * clinical data write their audit row in the same transaction. The partner's side is {@link MyWorkbookService}.
 *
 * <p>The therapist reads an answer set once it is submitted: until then it is the partner's draft.
 */
@Service
@Validated
@Transactional
public class WorkbookService {

    public static final int MAX_FEEDBACK = 4000;

    private final WorkbookRepository workbook;
    private final CoupleAccess access;
    private final ApplicationEventPublisher events;
    private final ClinicTime time;

    WorkbookService(WorkbookRepository workbook, CoupleAccess access, ApplicationEventPublisher events,
            ClinicTime time) {
        this.workbook = workbook;
        this.access = access;
        this.events = events;
        this.time = time;
    }

    /** Assigns the latest published version of a module to one of the therapist's couples; returns the assignment id. */
    @PreAuthorize("hasRole('THERAPIST')")
    public long assign(long coupleId, long moduleId, @Valid AssignmentData data) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        long versionId = workbook.latestVersion(therapist.clinicId(), moduleId)
                .orElseThrow(() -> refuse(therapist, "module " + moduleId, "not a published module of this clinic"));
        long assignmentId = workbook.insertAssignment(therapist.clinicId(), coupleId, versionId, data,
                therapist.accountId());
        workbook.insertWorks(therapist.clinicId(), assignmentId, coupleId, data.mode());
        events.publishEvent(AuditEvent.of(therapist, AuditAction.MODULE_ASSIGNED, Subject.assignment(assignmentId),
                "couple " + coupleId + ", module version " + versionId));
        events.publishEvent(new ModuleAssigned(therapist.clinicId(), coupleId, assignmentId, therapist.accountId()));
        return assignmentId;
    }

    /** The couple's assignments, newest first, with each answer set's progress. */
    @PreAuthorize("hasRole('THERAPIST')")
    public List<AssignmentSummary> assignments(long coupleId) {
        TandemUser therapist = access.requireTherapist(coupleId);
        List<AssignmentRow> rows = workbook.assignmentsOnCaseload(therapist.clinicId(), coupleId,
                therapist.accountId());
        if (rows.isEmpty()) {
            access.requireOnCaseload(therapist, coupleId); // none yet, or not this therapist's couple
        }
        List<AssignmentSummary> list = rows.stream().map(this::summary).toList();
        events.publishEvent(AuditEvent.of(therapist, AuditAction.ASSIGNMENTS_LISTED, Subject.couple(coupleId),
                list.size() + " assignment(s)"));
        return list;
    }

    /** One assignment with the submitted answers and the feedback so far. Audited. */
    @PreAuthorize("hasRole('THERAPIST')")
    public AssignmentReview review(long assignmentId) {
        TandemUser therapist = CurrentUser.require();
        return review(therapist, therapistsAssignment(therapist, assignmentId));
    }

    /**
     * {@link #review(long)} of an assignment reached from a couple's page: refused (audited) when the
     * assignment is not that couple's, so that a page never shows one couple's work under another's name.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public AssignmentReview review(long coupleId, long assignmentId) {
        TandemUser therapist = CurrentUser.require();
        AssignmentRow row = therapistsAssignment(therapist, assignmentId);
        if (row.coupleId() != coupleId) {
            throw refuse(therapist, "assignment " + assignmentId, "not an assignment of couple " + coupleId);
        }
        return review(therapist, row);
    }

    private AssignmentReview review(TandemUser therapist, AssignmentRow row) {
        long assignmentId = row.assignmentId();
        AssignmentSummary summary = summary(row);
        List<Long> submitted = row.works().stream().filter(work -> work.submittedAt() != null)
                .map(WorkRow::workId).toList();
        Map<Long, Map<String, Answer>> answers = submitted.isEmpty() ? Map.of()
                : WorkbookRules.byWork(workbook.answers(therapist.clinicId(), submitted));
        Map<Long, List<Feedback>> feedback = row.works().stream().anyMatch(work -> work.feedback() > 0)
                ? workbook.feedback(therapist.clinicId(), row.works().stream().map(WorkRow::workId).toList())
                : Map.of();
        List<AssignmentReview.WorkAnswers> works = summary.works().stream()
                .map(work -> new AssignmentReview.WorkAnswers(work,
                        answers.getOrDefault(work.workId(), Map.of()),
                        feedback.getOrDefault(work.workId(), List.of())))
                .toList();
        events.publishEvent(AuditEvent.of(therapist, AuditAction.ASSIGNMENT_READ, Subject.assignment(assignmentId)));
        return new AssignmentReview(summary, row.content(), works);
    }

    /** Leaves feedback on an answer set: on one step, or on the whole module when {@code stepId} is null. */
    @PreAuthorize("hasRole('THERAPIST')")
    public Feedback giveFeedback(long workId, @Nullable String stepId, String body) {
        TandemUser therapist = CurrentUser.require();
        Work work = workbook.work(therapist.clinicId(), workId)
                .orElseThrow(() -> refuse(therapist, "answer set " + workId, "not on the caseload"));
        access.requireTherapistOf(work.coupleId());
        String text = AnswerValue.clean(body == null ? "" : body).strip();
        if (text.isEmpty() || text.length() > MAX_FEEDBACK) {
            throw new RefusedException(text.isEmpty() ? "workbook.review.feedback.empty"
                    : "workbook.review.feedback.too-long");
        }
        if (stepId != null && !workbook.content(work.versionId()).hasStep(stepId)) {
            throw new IllegalArgumentException("No step " + stepId);
        }
        long id = workbook.insertFeedback(therapist.clinicId(), workId, stepId, text, therapist.accountId());
        events.publishEvent(AuditEvent.of(therapist, AuditAction.FEEDBACK_GIVEN, Subject.work(workId),
                stepId == null ? "whole module" : "step " + stepId));
        events.publishEvent(new FeedbackGiven(therapist.clinicId(), work.coupleId(), work.assignmentId(), workId,
                work.partnerId(), therapist.accountId()));
        return workbook.feedback(therapist.clinicId(), workId).stream().filter(feedback -> feedback.id() == id)
                .findFirst().orElseThrow();
    }

    /** Marks the assignment reviewed. */
    @PreAuthorize("hasRole('THERAPIST')")
    public void markReviewed(long assignmentId) {
        TandemUser therapist = CurrentUser.require();
        therapistsAssignment(therapist, assignmentId);
        workbook.markReviewed(therapist.clinicId(), assignmentId, therapist.accountId());
        events.publishEvent(
                AuditEvent.of(therapist, AuditAction.ASSIGNMENT_REVIEWED, Subject.assignment(assignmentId)));
    }

    // ---- rules ----

    private AssignmentSummary summary(AssignmentRow row) {
        int answerable = WorkbookRules.answerable(row.content());
        List<WorkProgress> works = row.works().stream()
                .map(work -> new WorkProgress(work.workId(), work.partnerId(), work.partnerName(), WorkbookRules.progress(work),
                        work.filled(), answerable, work.submittedAt()))
                .toList();
        boolean complete = works.stream().allMatch(work -> work.progress() == Progress.SUBMITTED);
        boolean overdue = !complete && row.dueOn() != null && row.dueOn().isBefore(time.today());
        return new AssignmentSummary(row.assignmentId(), row.moduleId(), row.versionId(), row.title(), row.category(),
                row.versionNumber(), row.mode(), row.dueOn(), row.note(), row.assignedAt(), row.assignedBy(), overdue,
                row.reviewedAt(), works);
    }

    /**
     * The assignment, with the caseload checked in the same statement. When that finds nothing, the assignment is read
     * on its own to refuse it as before: not in the clinic, or its couple not on the caseload.
     */
    private AssignmentRow therapistsAssignment(TandemUser therapist, long assignmentId) {
        return workbook.assignmentOnCaseload(therapist.clinicId(), assignmentId, therapist.accountId())
                .orElseGet(() -> {
                    AssignmentRow row = workbook.assignment(therapist.clinicId(), assignmentId)
                            .orElseThrow(() -> refuse(therapist, "assignment " + assignmentId, "not on the caseload"));
                    access.requireOnCaseload(therapist, row.coupleId());
                    return row;
                });
    }

    private AccessDeniedException refuse(TandemUser user, String what, String reason) {
        return WorkbookRules.refuse(events, user, what, reason);
    }
}
