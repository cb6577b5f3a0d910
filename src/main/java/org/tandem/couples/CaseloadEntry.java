package org.tandem.couples;

/** One couple on a therapist's caseload. */
public record CaseloadEntry(long coupleId, String partnerOne, String partnerTwo, CoupleStatus status) {}
