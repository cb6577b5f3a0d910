package org.tandem.workbook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.StaleVersionException;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.TandemUser;
import org.tandem.clinic.ClinicTime;
import org.tandem.workbook.WorkbookRepository.AssignmentRow;
import org.tandem.workbook.WorkbookRepository.Me;
import org.tandem.workbook.WorkbookRepository.StoredAnswer;
import org.tandem.workbook.WorkbookRepository.Work;
import org.tandem.workbook.WorkbookRepository.WorkRow;

/**
 * The signed-in partner's side of the workbook: their assignments, their answers (autosaved), what they
 * share, and submitting. What a partner sees of the other partner's answers is decided by
 * {@link AnswerVisibility} alone. Reads write their audit row in the same transaction. The therapist's
 * side is {@link WorkbookService}.
 */
@Service
@Transactional
public class MyWorkbookService {

    private final WorkbookRepository workbook;
    private final ApplicationEventPublisher events;
    private final ClinicTime time;

    MyWorkbookService(WorkbookRepository workbook, ApplicationEventPublisher events, ClinicTime time) {
        this.workbook = workbook;
        this.events = events;
        this.time = time;
    }

    /** The signed-in partner's assignments: open ones first (by due date), then completed ones (newest first). */
    @PreAuthorize("hasRole('CLIENT')")
    public List<MyAssignment> myAssignments() {
        TandemUser partner = CurrentUser.require();
        Me me = me(partner);
        LocalDate today = time.today();
        List<MyAssignment> list = new ArrayList<>();
        for (AssignmentRow row : workbook.assignments(partner.clinicId(), me.coupleId())) {
            WorkRow mine = myWork(row, me);
            Progress progress = WorkbookRules.progress(mine);
            list.add(new MyAssignment(row.assignmentId(), row.title(), row.category(), row.content().purpose(),
                    row.content().minutes(), row.dueOn(),
                    progress != Progress.SUBMITTED && row.dueOn() != null && row.dueOn().isBefore(today),
                    row.mode(), progress, mine.filled(), WorkbookRules.answerable(row.content()), mine.submittedAt(),
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
        Map<Long, Map<String, Answer>> answers = WorkbookRules.byWork(workbook.answers(partner.clinicId(), workIds));
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
     * answer); else {@link AnswerConflictException}. Refused once submitted ({@link WorkSubmittedException})
     * or when it does not fit the step ({@link AnswerRejectedException}). Returns the saved answer.
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
            throw new StaleVersionException("Answer to step " + stepId,
                    workbook.answer(partner.clinicId(), workId, stepId).orElseThrow());
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
        AnswerValue empty = Objects.requireNonNull(AnswerValue.emptyFor(step), "an answerable step takes an answer");
        workbook.shareAnswer(partner.clinicId(), workId, stepId, empty, shared, partner.accountId());
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
        events.publishEvent(new WorkSubmitted(partner.clinicId(), work.coupleId(), work.assignmentId(), workId,
                work.partnerId(), partner.accountId()));

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
        return WorkbookRules.refuse(events, user, what, reason);
    }
}
