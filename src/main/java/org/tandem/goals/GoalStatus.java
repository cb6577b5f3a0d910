package org.tandem.goals;

/** Where a goal stands: still worked on, reached, or put aside for now. */
public enum GoalStatus {
    ACTIVE,
    ACHIEVED,
    SET_ASIDE
}
