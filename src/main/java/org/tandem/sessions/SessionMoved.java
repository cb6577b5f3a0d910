package org.tandem.sessions;

/**
 * A scheduled session was moved to another time (the balance summary reacts: its check-in window moves with it;
 * notifications tell the partners and the other therapists than {@code movedBy}).
 */
public record SessionMoved(long clinicId, long coupleId, long sessionId, long movedBy) {}
