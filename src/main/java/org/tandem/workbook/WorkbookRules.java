package org.tandem.workbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.TandemUser;
import org.tandem.workbook.WorkbookRepository.StoredAnswer;
import org.tandem.workbook.WorkbookRepository.WorkRow;

/** What the therapist's {@link WorkbookService} and the partner's {@link MyWorkbookService} both decide the same way. */
final class WorkbookRules {

    private WorkbookRules() {}

    static Progress progress(WorkRow work) {
        if (work.submittedAt() != null) {
            return Progress.SUBMITTED;
        }
        return work.startedAt() != null ? Progress.IN_PROGRESS : Progress.NOT_STARTED;
    }

    static int answerable(ModuleContent content) {
        return (int) content.steps().stream().filter(Step::answerable).count();
    }

    static Map<Long, Map<String, Answer>> byWork(List<StoredAnswer> answers) {
        Map<Long, Map<String, Answer>> byWork = new LinkedHashMap<>();
        for (StoredAnswer stored : answers) {
            byWork.computeIfAbsent(stored.workId(), id -> new LinkedHashMap<>())
                    .put(stored.answer().stepId(), stored.answer());
        }
        return byWork;
    }

    /** Records the refusal in the audit trail and returns the exception to throw. */
    static AccessDeniedException refuse(ApplicationEventPublisher events, TandemUser user, String what,
            String reason) {
        events.publishEvent(AuditEvent.denied(user, what, reason));
        return new AccessDeniedException(what + ": " + reason);
    }
}
