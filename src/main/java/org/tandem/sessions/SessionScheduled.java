package org.tandem.sessions;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

public record SessionScheduled(TandemUser therapist, long coupleId, long sessionId) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "session.schedule", "couple_session", sessionId, AuditEntry.Outcome.SUCCESS,
                "couple " + coupleId);
    }
}
