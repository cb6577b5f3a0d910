package org.tandem.balance;

/** A partner's change since baseline: reliably up, reliably down (either subscale), or neither. */
public enum Trend {
    UP,
    DOWN,
    FLAT
}
