package org.tandem.sessions;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** A partner saw their couple's next session. */
public record NextSessionRead(TandemUser partner, long coupleId) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(partner, "session.read-own-next", "couple", coupleId, AuditEntry.Outcome.SUCCESS, null);
    }
}
