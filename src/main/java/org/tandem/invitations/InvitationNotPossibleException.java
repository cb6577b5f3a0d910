package org.tandem.invitations;

/** A therapist asked for a link for a partner who cannot be invited (yet). */
public class InvitationNotPossibleException extends RuntimeException {

    public enum Reason {
        NO_EMAIL,
        HAS_ACCOUNT,
        /** Another account (perhaps staff, perhaps in another clinic) signs in with this e-mail. */
        EMAIL_TAKEN,
        NO_SUCH_PARTNER
    }

    private final Reason reason;

    public InvitationNotPossibleException(Reason reason) {
        super("Cannot invite this partner: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
