package org.tandem.couples;

/**
 * A partner's e-mail address is already used by another partner on the therapist's own caseload, or by both partners
 * of the form. A partner of another therapist's couple may use it too, and that is not refused
 * (docs/decisions/028-no-e-mail-oracle.md). {@code position} says which partner of the form: 1 or 2. Nothing was
 * written.
 */
public class PartnerEmailTakenException extends RuntimeException {

    private final int position;

    public PartnerEmailTakenException(int position, Throwable cause) {
        super("The e-mail address of partner " + position + " is already used on the caseload", cause);
        this.position = position;
    }

    public PartnerEmailTakenException(int position) {
        super("The e-mail address of partner " + position + " is already used on the caseload");
        this.position = position;
    }

    public int position() {
        return position;
    }
}
