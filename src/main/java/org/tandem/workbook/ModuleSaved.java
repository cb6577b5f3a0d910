package org.tandem.workbook;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** A clinic module's draft was saved; the trail records the new draft version, not the content. */
public record ModuleSaved(TandemUser therapist, long moduleId, int version) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "module.saved", "module", moduleId, AuditEntry.Outcome.SUCCESS,
                "draft version " + version);
    }
}
