package org.tandem.workbook;

/** The eleven kinds of intervention of the module library (domain.md), in the order the library shows them. */
public enum Category {
    REFLECTIVE_EXERCISES,
    COMMUNICATION_FRAMEWORKS,
    GOAL_SETTING,
    BOUNDARIES,
    PERSONAL_GROWTH,
    RITUALS_OF_TOGETHERNESS,
    ALONE_AND_COUPLE_TIME,
    TRUST_AND_REASSURANCE,
    VULNERABILITY,
    DIFFERING_NEEDS,
    FRIENDSHIPS_AND_SOCIAL_CIRCLES
}
