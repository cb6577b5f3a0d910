package org.tandem.goals;

/** Someone changed the goal since the caller read it; nothing was written. */
public class GoalConflictException extends RuntimeException {

    private final long goalId;

    public GoalConflictException(long goalId) {
        super("Goal " + goalId + " was changed by someone else meanwhile");
        this.goalId = goalId;
    }

    public long goalId() {
        return goalId;
    }
}
