package org.tandem.couples;

import org.jspecify.annotations.Nullable;
import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** An admin made another therapist the couple's primary therapist; the former one lost access. */
public record CoupleMoved(TandemUser admin, long coupleId, @Nullable Long fromAccountId, long toAccountId)
        implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(admin, "couple.move", "couple", coupleId, AuditEntry.Outcome.SUCCESS,
                "primary therapist: account " + fromAccountId + " -> account " + toAccountId);
    }
}
