package org.tandem.sessions;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** A therapist opened a session's private note. */
public record NoteRead(TandemUser therapist, long sessionId, int version) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "session-note.read", "couple_session", sessionId,
                AuditEntry.Outcome.SUCCESS, "version " + version);
    }
}
