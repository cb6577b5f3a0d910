package org.tandem.passwordreset;

/** A reset link that cannot be used; nothing was changed. The reason is shown to its holder. */
public class ResetRefusedException extends RuntimeException {

    public enum Reason {
        /** Not a link Tandem issued (mistyped, cut short, or another kind of link). */
        UNKNOWN,
        USED,
        EXPIRED,
        /** A newer link was issued for the same account. */
        VOIDED,
        /** The account has been deactivated since. */
        INACTIVE
    }

    private final Reason reason;

    public ResetRefusedException(Reason reason) {
        super("Reset link refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
