package org.tandem.accounts;

/** An application event that leaves a line in the audit trail. */
public interface Audited {

    AuditEntry auditEntry();

    /**
     * Whether the line must be kept even when the surrounding transaction rolls back: true for
     * refusals, which are followed by an exception; false for acts, whose line lives and dies with them.
     */
    default boolean survivesRollback() {
        return false;
    }
}
