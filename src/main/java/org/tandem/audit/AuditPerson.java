package org.tandem.audit;

/** An account of the clinic, to filter the audit log by who acted. */
public record AuditPerson(long accountId, String displayName, String email) {}
