package org.tandem.workbook;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** A therapist copied a module (built-in or the clinic's) into a new clinic module. */
public record ModuleDuplicated(TandemUser therapist, long moduleId, long sourceModuleId) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "module.duplicated", "module", moduleId, AuditEntry.Outcome.SUCCESS,
                "copy of module " + sourceModuleId);
    }
}
