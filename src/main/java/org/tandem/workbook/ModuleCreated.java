package org.tandem.workbook;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** A therapist started a new module in the clinic's library. */
public record ModuleCreated(TandemUser therapist, long moduleId) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "module.created", "module", moduleId, AuditEntry.Outcome.SUCCESS, null);
    }
}
