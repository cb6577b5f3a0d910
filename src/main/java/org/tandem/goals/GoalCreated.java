package org.tandem.goals;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/** A goal was added by hand, or born from a goal step of a submitted module ({@code origin}). */
public record GoalCreated(TandemUser by, long goalId, long coupleId, String origin) implements Audited {

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(by, "goal.create", "goal", goalId, AuditEntry.Outcome.SUCCESS,
                "couple " + coupleId + ", " + origin);
    }
}
