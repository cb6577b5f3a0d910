package org.tandem.sessions;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** The therapist's upcoming sessions were read: a page of the schedule, or the calendar file. */
public record UpcomingSessionsRead(TandemUser therapist, String what, int sessions) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(therapist, "session.upcoming-read", "account", therapist.accountId(),
                AuditEntry.Outcome.SUCCESS, what + ", " + sessions + " sessions");
    }
}
