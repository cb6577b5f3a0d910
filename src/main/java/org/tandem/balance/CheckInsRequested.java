package org.tandem.balance;

/** A therapist opened check-ins for a couple's partners (published in that transaction; notifications listen). */
public record CheckInsRequested(long clinicId, long coupleId, long requestedBy) {}
