package org.tandem.balance;

/** A stored check-in's id with its scores, as the alerts and charts read a partner's history. */
public record CheckInScores(long checkInId, Scores scores) {}
