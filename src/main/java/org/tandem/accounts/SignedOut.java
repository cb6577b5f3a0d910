package org.tandem.accounts;

/** A person's session ended: they signed out, or it timed out while idle. */
public record SignedOut(TandemUser user, boolean idle) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(user, idle ? "auth.idle-sign-out" : "auth.sign-out", "account", user.accountId(),
                AuditEntry.Outcome.SUCCESS, null);
    }
}
