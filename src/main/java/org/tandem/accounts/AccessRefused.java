package org.tandem.accounts;

/** Someone signed in tried to reach something their role or ownership does not allow. */
public record AccessRefused(TandemUser user, String what, String reason) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(user, "access.denied", null, null, AuditEntry.Outcome.DENIED, what + ": " + reason);
    }

    @Override
    public boolean survivesRollback() {
        return true;
    }
}
