package org.tandem.clinic;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** An admin changed the clinic's policies. */
public record ClinicPoliciesChanged(TandemUser admin, ClinicPolicies before, ClinicPolicies after) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(admin, "clinic.policies-changed", "clinic", admin.clinicId(), AuditEntry.Outcome.SUCCESS,
                "no secrets: " + before.noSecrets() + " -> " + after.noSecrets());
    }
}
