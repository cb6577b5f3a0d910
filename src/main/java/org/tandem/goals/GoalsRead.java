package org.tandem.goals;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** A couple's goals were read: by one of its therapists (all of them), or by a partner (what they may see). */
public record GoalsRead(TandemUser reader, long coupleId, int goals) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(reader, "goal.list", "couple", coupleId, AuditEntry.Outcome.SUCCESS, goals + " goals");
    }
}
