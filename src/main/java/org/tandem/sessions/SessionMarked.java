package org.tandem.sessions;

/** A session was marked held, cancelled or no-show (the balance summary reacts). */
public record SessionMarked(long clinicId, long coupleId, long sessionId, SessionStatus status) {}
