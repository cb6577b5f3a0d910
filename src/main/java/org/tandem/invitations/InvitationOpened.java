package org.tandem.invitations;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;

/** Someone holding a usable link opened it and saw whom it is for. */
public record InvitationOpened(long clinicId, long invitationId) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return new AuditEntry(clinicId, null, InvitationRefused.ANONYMOUS, "invitation.open", "invitation",
                invitationId, AuditEntry.Outcome.SUCCESS, null);
    }
}
