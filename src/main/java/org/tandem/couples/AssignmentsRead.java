package org.tandem.couples;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** An admin read a page of the clinic's couples (names, statuses, therapists) to assign them. */
public record AssignmentsRead(TandemUser admin, int offset, int rows) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(admin, "assignments.read", "clinic", admin.clinicId(), AuditEntry.Outcome.SUCCESS,
                "offset " + offset + ", " + rows + " couples");
    }
}
