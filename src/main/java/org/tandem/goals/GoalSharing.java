package org.tandem.goals;

/**
 * What decides whether both partners see a goal, and so what its owner may do about it. A goal born from a goal
 * step follows the answer it came from (decision 009); only a goal added by hand has a share of its own.
 */
public enum GoalSharing {
    /** A goal of the couple: both partners see it (one set in a mutual-reveal step once both have submitted). */
    COUPLE,
    /** A partner's goal added by hand: its owner shares it or takes the share back on the goal itself. */
    OWN_CHOICE,
    /** Born from an answer its owner may share: sharing the goal shares that answer, and taking it back hides both. */
    ANSWER,
    /** Born from an answer in a module its owner shared as a whole: changed there, not on the goal. */
    WHOLE_MODULE,
    /** Born from an answer shared under the clinic's no-secrets policy: it stays shared. */
    NO_SECRETS,
    /** Born from a "reveal when both have answered" step: seen by both once both have submitted, not before. */
    BOTH_SUBMITTED
}
