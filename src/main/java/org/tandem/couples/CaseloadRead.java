package org.tandem.couples;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

public record CaseloadRead(TandemUser therapist, int offset, int rows) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "caseload.read", "account", therapist.accountId(),
                AuditEntry.Outcome.SUCCESS, "offset " + offset + ", " + rows + " couples");
    }
}
