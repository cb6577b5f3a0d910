package org.tandem.accounts;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit trail: who did what to which subject, how it ended, and a detail that names what was
 * touched, never clinical words. Services publish it; the audit recorder writes it in the transaction of the act,
 * except a failure or a refusal, which is kept even though the act rolls back.
 *
 * <pre>{@code
 * events.publishEvent(AuditEvent.of(therapist, AuditAction.COUPLE_READ, Subject.couple(coupleId), "overview"));
 * }</pre>
 */
public record AuditEvent(
        @Nullable Long clinicId,
        @Nullable Long actorAccountId,
        String actor,
        AuditAction action,
        @Nullable Subject subject,
        Outcome outcome,
        @Nullable String detail) {

    /** The actor of a line written for someone who is not signed in (the holder of an invitation link). */
    public static final String ANONYMOUS = "(anonymous)";

    public enum Outcome {
        SUCCESS,
        FAILURE,
        DENIED;

        /** A failure or a refusal is followed by an exception that rolls the act back; its line must stay. */
        public boolean survivesRollback() {
            return this != SUCCESS;
        }
    }

    /** What an act was about: a row of one of Tandem's tables, named as {@code audit_event.subject_type} stores it. */
    public record Subject(String type, long id) {

        public static Subject account(long id) {
            return new Subject("account", id);
        }

        public static Subject clinic(long id) {
            return new Subject("clinic", id);
        }

        public static Subject couple(long id) {
            return new Subject("couple", id);
        }

        public static Subject partner(long id) {
            return new Subject("partner", id);
        }

        public static Subject invitation(long id) {
            return new Subject("invitation", id);
        }

        public static Subject session(long id) {
            return new Subject("couple_session", id);
        }

        public static Subject checkIn(long id) {
            return new Subject("check_in", id);
        }

        public static Subject module(long id) {
            return new Subject("module", id);
        }

        public static Subject assignment(long id) {
            return new Subject("module_assignment", id);
        }

        public static Subject work(long id) {
            return new Subject("assignment_work", id);
        }

        public static Subject goal(long id) {
            return new Subject("goal", id);
        }
    }

    /** A signed-in person's act that succeeded. */
    public static AuditEvent of(TandemUser user, AuditAction action, Subject subject) {
        return of(user, action, subject, null);
    }

    /** A signed-in person's act that succeeded, with a detail. */
    public static AuditEvent of(TandemUser user, AuditAction action, Subject subject, @Nullable String detail) {
        return new AuditEvent(user.clinicId(), user.accountId(), user.email(), action, subject, Outcome.SUCCESS,
                detail);
    }

    /** An act of an account that is not signed in yet: the first admin's setup, a partner accepting a link. */
    public static AuditEvent ofAccount(long clinicId, long accountId, String email, AuditAction action,
            Subject subject, @Nullable String detail) {
        return new AuditEvent(clinicId, accountId, email, action, subject, Outcome.SUCCESS, detail);
    }

    /** An act of someone not signed in, who cannot be named. */
    public static AuditEvent anonymous(@Nullable Long clinicId, AuditAction action, @Nullable Subject subject,
            Outcome outcome, @Nullable String detail) {
        return new AuditEvent(clinicId, null, ANONYMOUS, action, subject, outcome, detail);
    }

    /** A signed-in person's act that could not be done; kept although the act rolls back. */
    public static AuditEvent failed(TandemUser user, AuditAction action, @Nullable Subject subject, String reason) {
        return new AuditEvent(user.clinicId(), user.accountId(), user.email(), action, subject, Outcome.FAILURE,
                reason);
    }

    /** Someone signed in tried to reach something their role or ownership does not allow. */
    public static AuditEvent denied(TandemUser user, String what, String reason) {
        return new AuditEvent(user.clinicId(), user.accountId(), user.email(), AuditAction.ACCESS_DENIED, null,
                Outcome.DENIED, what + ": " + reason);
    }
}
