package org.tandem.sessions;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** A couple's list of sessions was read (dates and statuses, never notes). */
public record SessionsRead(TandemUser therapist, long coupleId, int sessions) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "session.list", "couple", coupleId, AuditEntry.Outcome.SUCCESS,
                sessions + " sessions");
    }
}
