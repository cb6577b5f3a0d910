package org.tandem.couples;

/**
 * A partner's e-mail address is already used by another partner of the same clinic (partners' e-mails are
 * unique per clinic). {@code position} says which partner of the form: 1 or 2. Nothing was written.
 */
public class PartnerEmailTakenException extends RuntimeException {

    private final int position;

    public PartnerEmailTakenException(int position, Throwable cause) {
        super("The e-mail address of partner " + position + " is already used in this clinic", cause);
        this.position = position;
    }

    public PartnerEmailTakenException(int position) {
        super("The e-mail address of partner " + position + " is already used in this clinic");
        this.position = position;
    }

    public int position() {
        return position;
    }
}
