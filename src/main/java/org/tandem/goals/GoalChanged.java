package org.tandem.goals;

import org.tandem.accounts.AuditEntry;
import org.tandem.accounts.Audited;
import org.tandem.accounts.TandemUser;

/**
 * A goal was changed: shared or unshared, its status set, an update or a milestone added, a milestone
 * reached. The detail names what, never the goal's words.
 */
public record GoalChanged(TandemUser by, long goalId, Change change, String detail) implements Audited {

    public enum Change {
        SHARE("goal.share"),
        STATUS("goal.status"),
        UPDATE("goal.update-add"),
        MILESTONE("goal.milestone-add"),
        MILESTONE_REACHED("goal.milestone-reach");

        private final String action;

        Change(String action) {
            this.action = action;
        }
    }

    @Override
    public AuditEntry auditEntry() {
        return AuditEntry.by(by, change.action, "goal", goalId, AuditEntry.Outcome.SUCCESS, detail);
    }
}
