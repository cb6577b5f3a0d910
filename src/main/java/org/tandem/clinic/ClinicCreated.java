package org.tandem.clinic;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;

public record ClinicCreated(long clinicId, long adminAccountId, String adminEmail) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return new AuditEntry(clinicId, adminAccountId, adminEmail, "clinic.create", "clinic", clinicId,
                AuditEntry.Outcome.SUCCESS, "first-run setup");
    }
}
