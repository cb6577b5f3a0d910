package org.tandem.invitations;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;

/** A partner accepted their invitation: their account exists and is linked to them. */
public record InvitationAccepted(long clinicId, long invitationId, long accountId, String email, long partnerId)
        implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return new AuditEntry(clinicId, accountId, email, "invitation.accept", "invitation", invitationId,
                AuditEntry.Outcome.SUCCESS, "partner " + partnerId);
    }
}
