package org.tandem.balance;

/** The five alerts of balance.md, in its order. */
public enum AlertKind {
    /** A reliable decrease of either subscale since the partner's baseline. */
    RELIABLE_DETERIORATION,
    /** The partner's previous scored check-in was BALANCED and the latest is not. */
    LEFT_BALANCED,
    /** The couple's divergence flag appears at the latest session with a divergence. */
    DIVERGENCE,
    /** A scheduled session's 48-hour check-in window is open and a partner has not checked in. */
    MISSING_CHECK_IN,
    /** An assignment is past its due date. */
    OVERDUE_ASSIGNMENT
}
