package org.tandem.couples;

import org.jspecify.annotations.Nullable;
import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** A therapist changed a couple's facts or partners, and perhaps its status. */
public record CoupleUpdated(TandemUser therapist, long coupleId, CoupleStatus from, CoupleStatus to)
        implements Audited {

    @Override
    public AuditEntry auditEntry() {
        @Nullable String detail = from == to ? null : "status " + from + " -> " + to;
        return AuditEntry.by(therapist, "couple.update", "couple", coupleId, AuditEntry.Outcome.SUCCESS, detail);
    }
}
