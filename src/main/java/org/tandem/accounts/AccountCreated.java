package org.tandem.accounts;

import java.util.Set;

public record AccountCreated(long clinicId, long accountId, String email, Set<Role> roles) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return new AuditEntry(clinicId, accountId, email, "account.create", "account", accountId,
                AuditEntry.Outcome.SUCCESS, "roles " + roles);
    }
}
