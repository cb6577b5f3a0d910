package org.tandem.sessions;

/**
 * A session was marked held, cancelled or no-show (the balance summary reacts; notifications tell of a cancellation).
 */
public record SessionMarked(long clinicId, long coupleId, long sessionId, SessionStatus status, long markedBy) {}
