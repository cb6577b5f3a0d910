package org.tandem.sessions;

/** A note was saved by someone else since it was opened; nothing was overwritten. */
public class NoteConflictException extends RuntimeException {

    private final transient SessionNote current;

    public NoteConflictException(SessionNote current) {
        super("The note of session " + current.sessionId() + " was changed by someone else (now version "
                + current.version() + ")");
        this.current = current;
    }

    /** The note as it now stands, saved by the other edit. */
    public SessionNote current() {
        return current;
    }
}
