package org.tandem.invitations;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

public record InvitationStatesRead(TandemUser therapist, long coupleId) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "invitation.read", "couple", coupleId, AuditEntry.Outcome.SUCCESS, null);
    }
}
