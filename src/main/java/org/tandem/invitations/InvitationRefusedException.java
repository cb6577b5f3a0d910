package org.tandem.invitations;

/** A link that cannot be used, with the reason the person holding it is told. Nothing was changed. */
public class InvitationRefusedException extends RuntimeException {

    public enum Reason {
        /** No invitation has this token (mistyped, cut off, or never issued). */
        UNKNOWN,
        /** Already accepted: a link works once. */
        USED,
        EXPIRED,
        /** The therapist issued a newer link, or the partner's e-mail changed since. */
        VOIDED,
        /**
         * An account signs in with the invited address already (in this clinic or another): nothing was created and
         * the clinic was told. The words say neither (docs/decisions/028-no-e-mail-oracle.md).
         */
        NEEDS_CLINIC
    }

    private final Reason reason;

    public InvitationRefusedException(Reason reason) {
        super("Invitation refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
