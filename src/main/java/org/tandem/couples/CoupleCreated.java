package org.tandem.couples;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** A therapist created a couple, with themselves as its primary therapist. */
public record CoupleCreated(TandemUser therapist, long coupleId, CoupleStatus status) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "couple.create", "couple", coupleId, AuditEntry.Outcome.SUCCESS,
                "status " + status);
    }
}
