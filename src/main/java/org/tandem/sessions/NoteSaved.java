package org.tandem.sessions;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** A note was saved; the trail records the version and length, never the text. */
public record NoteSaved(TandemUser therapist, long sessionId, int version, int length) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "session-note.save", "couple_session", sessionId,
                AuditEntry.Outcome.SUCCESS, "version " + version + ", " + length + " characters");
    }
}
