package org.tandem.sessions;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

public record SessionMarked(TandemUser therapist, long sessionId, SessionStatus from, SessionStatus to)
        implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "session.mark", "couple_session", sessionId, AuditEntry.Outcome.SUCCESS,
                from + " -> " + to);
    }
}
