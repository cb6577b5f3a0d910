package org.tandem.sessions;

/** A session was changed by someone else since it was read; nothing was changed. */
public class SessionConflictException extends RuntimeException {

    public SessionConflictException(long sessionId) {
        super("Session " + sessionId + " was changed by someone else; reload it and try again");
    }
}
