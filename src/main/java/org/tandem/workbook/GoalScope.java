package org.tandem.workbook;

/** A partner's own goal, or one the couple shares. */
public enum GoalScope {
    INDIVIDUAL,
    SHARED
}
