package org.tandem.sessions;

/**
 * A session was scheduled for a couple (the balance summary reacts: a check-in window follows from it; notifications
 * tell the partners and the other therapists than {@code scheduledBy}).
 */
public record SessionScheduled(long clinicId, long coupleId, long sessionId, long scheduledBy) {}
