package org.tandem.couples;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** A therapist opened one of their couples' pages. */
public record CoupleOpened(TandemUser therapist, long coupleId) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "couple.read", "couple", coupleId, AuditEntry.Outcome.SUCCESS, null);
    }
}
