package org.tandem.couples;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** A therapist read one part of a couple's record (the overview, the partners). */
public record CoupleRead(TandemUser therapist, long coupleId, String part) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "couple.read", "couple", coupleId, AuditEntry.Outcome.SUCCESS, part);
    }
}
