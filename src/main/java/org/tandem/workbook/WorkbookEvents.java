package org.tandem.workbook;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** The audit trail's view of the workbook: who assigned, opened, answered, shared, submitted and reviewed what. */
final class WorkbookEvents {

    private WorkbookEvents() {}

    record ModuleAssigned(TandemUser therapist, long assignmentId, long coupleId, long versionId) implements Audited {
        public AuditEntry auditEntry() {
            return AuditEntry.by(therapist, "assignment.created", "module_assignment", assignmentId,
                    AuditEntry.Outcome.SUCCESS, "couple " + coupleId + ", module version " + versionId);
        }
    }

    record AssignmentsListed(TandemUser therapist, long coupleId, int count) implements Audited {
        public AuditEntry auditEntry() {
            return AuditEntry.by(therapist, "assignment.listed", "couple", coupleId, AuditEntry.Outcome.SUCCESS,
                    count + " assignment(s)");
        }
    }

    record AssignmentReviewed(TandemUser therapist, long assignmentId, String what) implements Audited {
        public AuditEntry auditEntry() {
            return AuditEntry.by(therapist, "assignment." + what, "module_assignment", assignmentId,
                    AuditEntry.Outcome.SUCCESS, null);
        }
    }

    record FeedbackGiven(TandemUser therapist, long workId, String stepId) implements Audited {
        public AuditEntry auditEntry() {
            return AuditEntry.by(therapist, "feedback.created", "assignment_work", workId, AuditEntry.Outcome.SUCCESS,
                    stepId == null ? "whole module" : "step " + stepId);
        }
    }

    record WorkRead(TandemUser partner, long assignmentId, String what) implements Audited {
        public AuditEntry auditEntry() {
            return AuditEntry.by(partner, "assignment." + what, "module_assignment", assignmentId,
                    AuditEntry.Outcome.SUCCESS, null);
        }
    }

    /** Detail names the step and version, never the answer itself. */
    record AnswerChanged(TandemUser partner, long workId, String stepId, String what, String detail)
            implements Audited {
        public AuditEntry auditEntry() {
            return AuditEntry.by(partner, "answer." + what, "assignment_work", workId, AuditEntry.Outcome.SUCCESS,
                    "step " + stepId + (detail == null ? "" : ", " + detail));
        }
    }

    record WorkChanged(TandemUser partner, long workId, String what) implements Audited {
        public AuditEntry auditEntry() {
            return AuditEntry.by(partner, "work." + what, "assignment_work", workId, AuditEntry.Outcome.SUCCESS, null);
        }
    }
}
