package org.tandem.invitations;

import org.jspecify.annotations.Nullable;
import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/**
 * An invitation could not be issued, opened or accepted. Kept even though the refused call rolls back.
 * {@code by} is the signed-in person when there is one; the holder of a link is anonymous.
 */
public record InvitationRefused(String action, @Nullable Long clinicId, @Nullable Long invitationId,
        @Nullable TandemUser by, String reason) implements Audited {

    static final String ANONYMOUS = "(anonymous)";

    @Override
    public AuditEntry auditEntry() {
        return by == null
                ? new AuditEntry(clinicId, null, ANONYMOUS, action, invitationId == null ? null : "invitation",
                        invitationId, AuditEntry.Outcome.FAILURE, reason)
                : AuditEntry.by(by, action, invitationId == null ? null : "invitation", invitationId,
                        AuditEntry.Outcome.FAILURE, reason);
    }

    @Override
    public boolean survivesRollback() {
        return true;
    }
}
