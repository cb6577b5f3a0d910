package org.tandem.couples;

/** An assignment that the rules do not allow, for a reason the admin can act on. */
public class AssignmentRefusedException extends RuntimeException {

    public enum Reason {
        /** The account is not an active therapist of the clinic. */
        NOT_A_THERAPIST,
        /** The co-therapist would be the couple's primary therapist as well. */
        SAME_AS_PRIMARY
    }

    private final Reason reason;

    public AssignmentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
