package org.tandem.invitations;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** A therapist issued a link for a partner (any older pending link of that partner was voided). */
public record InvitationIssued(TandemUser therapist, long invitationId, long coupleId, int position, int voided)
        implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "invitation.issue", "invitation", invitationId, AuditEntry.Outcome.SUCCESS,
                "couple " + coupleId + ", partner " + position + (voided > 0 ? ", voided " + voided + " older" : ""));
    }
}
