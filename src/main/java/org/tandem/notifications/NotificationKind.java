package org.tandem.notifications;

/**
 * What a notification is about. Stored by name in {@code notification.kind}, {@code notification_preference.kind}
 * and {@code notification_mail.kind} (their CHECKs list the same names).
 */
public enum NotificationKind {
    /** A module was assigned to the couple (to its partners). */
    MODULE_ASSIGNED,
    /** A partner submitted a module (to the couple's therapists). */
    MODULE_SUBMITTED,
    /** A therapist gave feedback on a partner's work (to that partner). */
    FEEDBACK_GIVEN,
    /** A balance check-in opened (to each partner who has one to answer). */
    CHECK_IN_OPEN,
    /** An alert was raised on one of my couples (to the couple's therapists). */
    ALERT_RAISED,
    /** A session was scheduled (to the couple's partners and therapists but the one who scheduled it). */
    SESSION_SCHEDULED,
    /** A session was moved to another time. */
    SESSION_MOVED,
    /** A session was cancelled. */
    SESSION_CANCELLED,
    /** A new message in a thread one takes part in. */
    MESSAGE,
    /** A goal's milestone was reached (to those who may see the goal). */
    GOAL_MILESTONE_REACHED
}
