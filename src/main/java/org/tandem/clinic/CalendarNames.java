package org.tandem.clinic;

/**
 * What the therapists' calendar file calls a couple (column {@code clinic.calendar_names}). Calendars are synced to
 * third-party services, so the default is the partners' initials; a clinic's admin may choose full names.
 */
public enum CalendarNames {
    /** "A.M. & S.P.": the first letter of each partner's first and last name. */
    INITIALS,
    /** "Alex Morgan & Samira Patel". */
    FULL_NAMES
}
