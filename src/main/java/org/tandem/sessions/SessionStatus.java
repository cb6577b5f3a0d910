package org.tandem.sessions;

/** A session is scheduled, then marked held, cancelled or no-show. */
public enum SessionStatus {
    SCHEDULED,
    HELD,
    CANCELLED,
    NO_SHOW
}
