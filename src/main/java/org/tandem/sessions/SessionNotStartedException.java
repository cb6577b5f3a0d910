package org.tandem.sessions;

/** Only a session that has begun can be marked held or no-show. */
public class SessionNotStartedException extends RuntimeException {

    public SessionNotStartedException(long sessionId, SessionStatus status) {
        super("Session " + sessionId + " has not started yet, so it cannot be marked " + status
                + "; cancel it or wait until it has begun");
    }
}
