package org.tandem.workbook;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** A clinic module's draft was frozen as a new published version. */
public record ModulePublished(TandemUser therapist, long moduleId, long versionId, int number) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "module.published", "module", moduleId, AuditEntry.Outcome.SUCCESS,
                "version " + number + " (id " + versionId + ")");
    }
}
