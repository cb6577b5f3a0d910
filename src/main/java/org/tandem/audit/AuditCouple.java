package org.tandem.audit;

/** A couple of the clinic, by its partners' names, to filter the audit log by what it was about. */
public record AuditCouple(long coupleId, String names) {}
