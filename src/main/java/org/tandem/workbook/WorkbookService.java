package org.tandem.workbook;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.tandem.accounts.StaleVersionException;
import org.tandem.accounts.TandemUser;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleAccess;
import org.tandem.workbook.WorkbookRepository.AssignmentRow;
import org.tandem.workbook.WorkbookRepository.Me;
import org.tandem.workbook.WorkbookRepository.StoredAnswer;
import org.tandem.workbook.WorkbookRepository.Work;
import org.tandem.workbook.WorkbookRepository.WorkRow;

/**
 * Assignments of modules to couples, the partners' answers, and the therapist's review. What a partner
 * sees of the other partner's answers is decided by {@link AnswerVisibility} alone; every therapist call
 * passes the couple check first. Reads of clinical data write their audit row in the same transaction.
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

    // ---- therapist ----

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
        return assignmentId;
    }

    /** The couple's assignments, newest first, with each answer set's progress. */
    @PreAuthorize("hasRole('THERAPIST')")
    public List<AssignmentSummary> assignments(long coupleId) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        List<AssignmentSummary> list = workbook.assignments(therapist.clinicId(), coupleId).stream()
                .map(this::summary).toList();
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
        Map<Long, Map<String, Answer>> answers = byWork(workbook.answers(therapist.clinicId(), submitted));
        List<AssignmentReview.WorkAnswers> works = summary.works().stream()
                .map(work -> new AssignmentReview.WorkAnswers(work,
                        answers.getOrDefault(work.workId(), Map.of()),
                        workbook.feedback(therapist.clinicId(), work.workId())))
                .toList();
        events.publishEvent(AuditEvent.of(therapist, AuditAction.ASSIGNMENT_READ, Subject.assignment(assignmentId)));
        return new AssignmentReview(summary, row.content(), works);
    }

    /** Leaves feedback on an answer set: on one step, or on the whole module when {@code stepId} is null. */
    @PreAuthorize("hasRole('THERAPIST')")
    public Feedback giveFeedback(long workId, String stepId, String body) {
        TandemUser therapist = CurrentUser.require();
        Work work = workbook.work(therapist.clinicId(), workId)
                .orElseThrow(() -> refuse(therapist, "answer set " + workId, "not on the caseload"));
        access.requireTherapistOf(work.coupleId());
        String text = AnswerValue.clean(body == null ? "" : body).strip();
        if (text.isEmpty() || text.length() > MAX_FEEDBACK) {
            throw new IllegalArgumentException(text.isEmpty() ? "Feedback is empty" : "Feedback is too long");
        }
        if (stepId != null && !workbook.content(work.versionId()).hasStep(stepId)) {
            throw new IllegalArgumentException("No step " + stepId);
        }
        long id = workbook.insertFeedback(therapist.clinicId(), workId, stepId, text, therapist.accountId());
        events.publishEvent(AuditEvent.of(therapist, AuditAction.FEEDBACK_GIVEN, Subject.work(workId),
                stepId == null ? "whole module" : "step " + stepId));
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

    // ---- partner ----

    /** The signed-in partner's assignments: open ones first (by due date), then completed ones (newest first). */
    @PreAuthorize("hasRole('CLIENT')")
    public List<MyAssignment> myAssignments() {
        TandemUser partner = CurrentUser.require();
        Me me = me(partner);
        LocalDate today = time.today();
        List<MyAssignment> list = new ArrayList<>();
        for (AssignmentRow row : workbook.assignments(partner.clinicId(), me.coupleId())) {
            WorkRow mine = myWork(row, me);
            Progress progress = progress(mine);
            list.add(new MyAssignment(row.assignmentId(), row.title(), row.category(), row.content().purpose(),
                    row.content().minutes(), row.dueOn(),
                    progress != Progress.SUBMITTED && row.dueOn() != null && row.dueOn().isBefore(today),
                    row.mode(), progress, mine.filled(), answerable(row.content()), mine.submittedAt(),
                    row.reviewedAt() != null, mine.feedback()));
        }
        list.sort(Comparator.comparing((MyAssignment a) -> a.progress() == Progress.SUBMITTED)
                .thenComparing(MyAssignment::dueOn, Comparator.nullsLast(Comparator.naturalOrder())));
        events.publishEvent(AuditEvent.of(partner, AuditAction.ASSIGNMENTS_LISTED, Subject.couple(me.coupleId())));
        return list;
    }

    /** One of the signed-in partner's assignments, with what they may see of it. Audited. */
    @PreAuthorize("hasRole('CLIENT')")
    public MyWork myWork(long assignmentId) {
        TandemUser partner = CurrentUser.require();
        Me me = me(partner);
        AssignmentRow row = workbook.assignment(partner.clinicId(), assignmentId)
                .filter(found -> found.coupleId() == me.coupleId())
                .orElseThrow(() -> refuse(partner, "assignment " + assignmentId, "not an assignment of their couple"));
        WorkRow mine = myWork(row, me);
        WorkRow theirs = row.mode() == AssignmentMode.SEPARATE
                ? row.works().stream().filter(work -> !Long.valueOf(me.partnerId()).equals(work.partnerId()))
                        .findFirst().orElse(null)
                : null;
        List<Long> workIds = theirs == null ? List.of(mine.workId()) : List.of(mine.workId(), theirs.workId());
        Map<Long, Map<String, Answer>> answers = byWork(workbook.answers(partner.clinicId(), workIds));
        boolean noSecrets = workbook.noSecrets(partner.clinicId());
        boolean iSubmitted = mine.submittedAt() != null;

        Map<String, Answer> visible = new LinkedHashMap<>();
        Set<String> waiting = new HashSet<>();
        if (theirs != null) {
            Map<String, Answer> theirAnswers = answers.getOrDefault(theirs.workId(), Map.of());
            for (Step step : row.content().steps()) {
                Answer answer = theirAnswers.get(step.id());
                if (step.mutualReveal() && !iSubmitted) {
                    waiting.add(step.id());
                }
                if (answer != null && AnswerVisibility.otherPartnerMaySee(step, answer.shared(),
                        theirs.shared(), theirs.submittedAt() != null, iSubmitted)) {
                    visible.put(step.id(), answer);
                }
            }
        }
        events.publishEvent(AuditEvent.of(partner, AuditAction.ASSIGNMENT_OPENED, Subject.assignment(assignmentId)));
        return new MyWork(row.assignmentId(), mine.workId(), row.title(), row.content().purpose(), row.content(),
                row.mode(), row.note(), row.dueOn(), iSubmitted, mine.shared(), noSecrets,
                answers.getOrDefault(mine.workId(), Map.of()), me.otherName(), visible, waiting,
                workbook.feedback(partner.clinicId(), mine.workId()));
    }

    /**
     * Saves one answer (autosave) if it was not changed since {@code expectedVersion} (0 for a first
     * answer); else {@link StaleVersionException}. Refused once submitted ({@link WorkSubmittedException})
     * or when it does not fit the step ({@link RefusedException}). Returns the saved answer.
     */
    @PreAuthorize("hasRole('CLIENT')")
    public Answer saveAnswer(long workId, String stepId, int expectedVersion, AnswerValue value) {
        TandemUser partner = CurrentUser.require();
        Work work = openWorkOf(partner, workId);
        Step step = answerableStep(work, stepId);
        AnswerValue cleaned = value.cleaned();
        cleaned.problem(step).ifPresent(problem -> {
            throw new RefusedException("workbook.answer.problem." + problem);
        });
        // Under the clinic's no-secrets policy the answer is written shared (see AnswerVisibility).
        boolean shared = work.partnerId() != null && workbook.noSecrets(partner.clinicId());
        if (!workbook.saveAnswer(partner.clinicId(), workId, stepId, expectedVersion, cleaned, shared,
                partner.accountId())) {
            throw new StaleVersionException("Answer to step " + stepId, workbook.answer(partner.clinicId(), workId, stepId).orElseThrow());
        }
        workbook.started(partner.clinicId(), workId);
        Answer saved = workbook.answer(partner.clinicId(), workId, stepId).orElseThrow();
        events.publishEvent(AuditEvent.of(partner, AuditAction.ANSWER_SAVED, Subject.work(workId),
                "step " + stepId + ", version " + saved.version()));
        return saved;
    }

    /** Shares one of the partner's own answers with the other partner, or takes the share back. */
    @PreAuthorize("hasRole('CLIENT')")
    public void shareAnswer(long workId, String stepId, boolean shared) {
        TandemUser partner = CurrentUser.require();
        Work work = ownWorkOf(partner, workId);
        Step step = answerableStep(work, stepId);
        if (!shared && workbook.noSecrets(partner.clinicId())) {
            throw new IllegalStateException("Under the clinic's no-secrets policy answers stay shared");
        }
        workbook.shareAnswer(partner.clinicId(), workId, stepId, AnswerValue.emptyFor(step), shared,
                partner.accountId());
        events.publishEvent(AuditEvent.of(partner, shared ? AuditAction.ANSWER_SHARED : AuditAction.ANSWER_UNSHARED,
                Subject.work(workId), "step " + stepId));
    }

    /** Shares the partner's whole answer set with the other partner, or takes the share back. */
    @PreAuthorize("hasRole('CLIENT')")
    public void shareWork(long workId, boolean shared) {
        TandemUser partner = CurrentUser.require();
        ownWorkOf(partner, workId);
        workbook.shareWork(partner.clinicId(), workId, shared);
        events.publishEvent(AuditEvent.of(partner, shared ? AuditAction.WORK_SHARED : AuditAction.WORK_UNSHARED,
                Subject.work(workId)));
    }

    /** Submits the answer set: read-only from now on; goals set in it become tracked goals. */
    @PreAuthorize("hasRole('CLIENT')")
    public void submit(long workId) {
        TandemUser partner = CurrentUser.require();
        Work work = openWorkOf(partner, workId);
        if (!workbook.submit(partner.clinicId(), workId, partner.accountId())) {
            throw new WorkSubmittedException(workId);
        }
        events.publishEvent(AuditEvent.of(partner, AuditAction.WORK_SUBMITTED, Subject.work(workId)));

        ModuleContent content = workbook.content(work.versionId());
        List<GoalsSubmitted.SubmittedGoal> goals = new ArrayList<>();
        for (StoredAnswer stored : workbook.answers(partner.clinicId(), List.of(workId))) {
            Answer answer = stored.answer();
            if (content.hasStep(answer.stepId()) && answer.value() instanceof AnswerValue.GoalValue goal
                    && goal.what() != null && !goal.what().isBlank()) {
                goals.add(new GoalsSubmitted.SubmittedGoal(answer.stepId(), goal));
            }
        }
        if (!goals.isEmpty()) {
            events.publishEvent(new GoalsSubmitted(partner, work.coupleId(), workId, work.partnerId(), goals));
        }
    }

    // ---- rules ----

    private AssignmentSummary summary(AssignmentRow row) {
        int answerable = answerable(row.content());
        List<WorkProgress> works = row.works().stream()
                .map(work -> new WorkProgress(work.workId(), work.partnerId(), work.partnerName(), progress(work),
                        work.filled(), answerable, work.submittedAt()))
                .toList();
        boolean complete = works.stream().allMatch(work -> work.progress() == Progress.SUBMITTED);
        boolean overdue = !complete && row.dueOn() != null && row.dueOn().isBefore(time.today());
        return new AssignmentSummary(row.assignmentId(), row.moduleId(), row.versionId(), row.title(), row.category(),
                row.versionNumber(), row.mode(), row.dueOn(), row.note(), row.assignedAt(), row.assignedBy(), overdue,
                row.reviewedAt(), works);
    }

    private static Progress progress(WorkRow work) {
        if (work.submittedAt() != null) {
            return Progress.SUBMITTED;
        }
        return work.startedAt() != null ? Progress.IN_PROGRESS : Progress.NOT_STARTED;
    }

    private static int answerable(ModuleContent content) {
        return (int) content.steps().stream().filter(Step::answerable).count();
    }

    private static Map<Long, Map<String, Answer>> byWork(List<StoredAnswer> answers) {
        Map<Long, Map<String, Answer>> byWork = new LinkedHashMap<>();
        for (StoredAnswer stored : answers) {
            byWork.computeIfAbsent(stored.workId(), id -> new LinkedHashMap<>())
                    .put(stored.answer().stepId(), stored.answer());
        }
        return byWork;
    }

    private AssignmentRow therapistsAssignment(TandemUser therapist, long assignmentId) {
        AssignmentRow row = workbook.assignment(therapist.clinicId(), assignmentId)
                .orElseThrow(() -> refuse(therapist, "assignment " + assignmentId, "not on the caseload"));
        access.requireTherapistOf(row.coupleId());
        return row;
    }

    private Me me(TandemUser partner) {
        return workbook.me(partner.clinicId(), partner.accountId())
                .orElseThrow(() -> refuse(partner, "workbook", "not a partner of a couple"));
    }

    /** The partner's own answer set in this assignment (theirs alone, or the couple's shared one). */
    private static WorkRow myWork(AssignmentRow row, Me me) {
        return row.works().stream()
                .filter(work -> work.partnerId() == null || work.partnerId() == me.partnerId())
                .findFirst().orElseThrow();
    }

    /** An answer set the partner may write in: their own, or their couple's TOGETHER set; not yet submitted. */
    private Work openWorkOf(TandemUser partner, long workId) {
        Me me = me(partner);
        Work work = workbook.work(partner.clinicId(), workId)
                .filter(found -> found.coupleId() == me.coupleId()
                        && (found.partnerId() == null || found.partnerId() == me.partnerId()))
                .orElseThrow(() -> refuse(partner, "answer set " + workId, "not their own answers"));
        if (work.submitted()) {
            throw new WorkSubmittedException(workId);
        }
        return work;
    }

    /** An answer set that is the partner's alone (sharing has no meaning for the couple's TOGETHER answers). */
    private Work ownWorkOf(TandemUser partner, long workId) {
        Me me = me(partner);
        return workbook.work(partner.clinicId(), workId)
                .filter(found -> found.partnerId() != null && found.partnerId() == me.partnerId())
                .orElseThrow(() -> refuse(partner, "answer set " + workId, "not their own answers"));
    }

    private Step answerableStep(Work work, String stepId) {
        ModuleContent content = workbook.content(work.versionId());
        if (stepId == null || !content.hasStep(stepId) || !content.step(stepId).answerable()) {
            throw new IllegalArgumentException("No answerable step " + stepId);
        }
        return content.step(stepId);
    }

    private AccessDeniedException refuse(TandemUser user, String what, String reason) {
        events.publishEvent(AuditEvent.denied(user, what, reason));
        return new AccessDeniedException(what + ": " + reason);
    }
}
