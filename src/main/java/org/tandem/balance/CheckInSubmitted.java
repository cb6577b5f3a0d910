package org.tandem.balance;

/** A partner submitted a check-in (the couple's balance summary reacts). */
public record CheckInSubmitted(long clinicId, long coupleId, long checkInId) {}
