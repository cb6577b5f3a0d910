package org.tandem.accounts;

/** An application event that leaves a line in the audit trail. */
public interface Audited {

    AuditEntry auditEntry();
}
