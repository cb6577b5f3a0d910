package org.tandem.couples;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

public record MyCoupleRead(TandemUser partner, long coupleId) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(partner, "couple.read-own", "couple", coupleId, AuditEntry.Outcome.SUCCESS, null);
    }
}
