package org.tandem.couples;

import org.jspecify.annotations.Nullable;
import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** An admin gave a couple a co-therapist, replaced theirs, or removed it (to null). */
public record CoTherapistChanged(TandemUser admin, long coupleId, @Nullable Long fromAccountId,
        @Nullable Long toAccountId) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(admin, "couple.co-therapist", "couple", coupleId, AuditEntry.Outcome.SUCCESS,
                "co-therapist: account " + fromAccountId + " -> account " + toAccountId);
    }
}
