package org.tandem.accounts;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit trail. Built by the events that services publish; written by the
 * audit recorder in the transaction of the act it records.
 */
public record AuditEntry(
        @Nullable Long clinicId,
        @Nullable Long actorAccountId,
        String actor,
        String action,
        @Nullable String subjectType,
        @Nullable Long subjectId,
        Outcome outcome,
        @Nullable String detail) {

    public enum Outcome {
        SUCCESS,
        FAILURE,
        DENIED
    }

    public static AuditEntry by(TandemUser user, String action, @Nullable String subjectType, @Nullable Long subjectId,
            Outcome outcome, @Nullable String detail) {
        return new AuditEntry(user.clinicId(), user.accountId(), user.email(), action, subjectType, subjectId, outcome,
                detail);
    }
}
