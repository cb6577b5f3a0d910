package org.tandem.accounts;

/**
 * What Tandem records in its audit trail: one constant per kind of act, carrying the string stored in
 * {@code audit_event.action}. A stored string never changes once rows carry it (the trail is append-only); a
 * new act gets a new constant.
 */
public enum AuditAction {

    // signing in and out, refusals
    SIGNED_IN("auth.sign-in"),
    SIGNED_OUT("auth.sign-out"),
    SIGNED_OUT_IDLE("auth.idle-sign-out"),
    ACCESS_DENIED("access.denied"),

    // clinic and accounts
    CLINIC_CREATED("clinic.create"),
    CLINIC_POLICIES_CHANGED("clinic.policies-changed"),
    BALANCE_SETTINGS_CHANGED("clinic.balance_settings_changed"),
    ACCOUNT_CREATED("account.create"),

    // couples
    CASELOAD_READ("caseload.read"),
    ASSIGNMENTS_READ("assignments.read"),
    COUPLE_CREATED("couple.create"),
    COUPLE_READ("couple.read"),
    COUPLE_UPDATED("couple.update"),
    COUPLE_MOVED("couple.move"),
    CO_THERAPIST_CHANGED("couple.co-therapist"),
    MY_COUPLE_READ("couple.read-own"),

    // invitations
    INVITATION_ISSUED("invitation.issue"),
    INVITATIONS_READ("invitation.read"),
    INVITATION_OPENED("invitation.open"),
    INVITATION_ACCEPTED("invitation.accept"),

    // sessions and notes
    SESSION_SCHEDULED("session.schedule"),
    SESSIONS_READ("session.list"),
    SESSION_MARKED("session.mark"),
    SESSION_MOVED("session.move"),
    UPCOMING_SESSIONS_READ("session.upcoming-read"),
    NEXT_SESSION_READ("session.read-own-next"),
    NOTE_READ("session-note.read"),
    NOTE_SAVED("session-note.save"),

    // check-ins and balance
    CHECK_IN_OPENED("check_in.opened"),
    CHECK_IN_ANSWERED("check_in.answered"),
    CHECK_IN_SUBMITTED("check_in.submitted"),
    CHECK_INS_REQUESTED("check_in.requested"),
    CHECK_IN_HISTORY_READ("check_in.history_read"),
    ALERT_ACKNOWLEDGED("balance.alert_acknowledged"),
    MY_BALANCE_READ("balance.my_read"),
    BALANCE_SHARING_CHANGED("balance.sharing_changed"),
    BALANCE_EXPORTED("balance.exported"),

    // workbook: the library, assignments, the partners' work
    MODULE_CREATED("module.created"),
    MODULE_DUPLICATED("module.duplicated"),
    MODULE_SAVED("module.saved"),
    MODULE_PUBLISHED("module.published"),
    MODULE_ASSIGNED("assignment.created"),
    ASSIGNMENTS_LISTED("assignment.listed"),
    ASSIGNMENT_READ("assignment.read"),
    ASSIGNMENT_REVIEWED("assignment.reviewed"),
    ASSIGNMENT_OPENED("assignment.opened"),
    FEEDBACK_GIVEN("feedback.created"),
    ANSWER_SAVED("answer.saved"),
    ANSWER_SHARED("answer.shared"),
    ANSWER_UNSHARED("answer.unshared"),
    WORK_SHARED("work.shared"),
    WORK_UNSHARED("work.unshared"),
    WORK_SUBMITTED("work.submitted"),

    // goals
    GOALS_READ("goal.list"),
    GOAL_CREATED("goal.create"),
    GOAL_SHARING_CHANGED("goal.share"),
    GOAL_STATUS_SET("goal.status"),
    GOAL_UPDATE_ADDED("goal.update-add"),
    GOAL_MILESTONE_ADDED("goal.milestone-add"),
    GOAL_MILESTONE_REACHED("goal.milestone-reach"),

    // messages (issue 14): a thread read, a message sent, a therapist's message withdrawn
    MESSAGES_READ("message.read"),
    MESSAGE_SENT("message.send"),
    MESSAGE_WITHDRAWN("message.withdraw"),

    // mail (h4): the outbox gave up a mail after its last attempt
    MAIL_GIVEN_UP("mail.given-up"),

    // staff accounts, caseload reassignment (issue 12: h6)
    STAFF_INVITED("staff-invitation.issue"),
    STAFF_INVITATION_VOIDED("staff-invitation.void"),
    ACCOUNT_ROLES_CHANGED("account.roles-change"),
    ACCOUNT_DEACTIVATED("account.deactivate"),
    ACCOUNT_REACTIVATED("account.reactivate"),
    CASELOAD_REASSIGNED("couple.caseload-reassign"),

    // h8: the audit log
    AUDIT_LOG_EXPORTED("audit.export"),

    // the second factor (h7): the sign-in's second step, enrolment, recovery codes, removal and an admin's reset
    SECOND_FACTOR_ASKED("auth.second-factor-asked"),
    SECOND_FACTOR_CODE("auth.second-factor-code"),
    SECOND_FACTOR_ENROLMENT_STARTED("second-factor.enrolment-start"),
    SECOND_FACTOR_ENROLLED("second-factor.enrol"),
    SECOND_FACTOR_REMOVED("second-factor.remove"),
    SECOND_FACTOR_RESET("second-factor.reset"),
    RECOVERY_CODES_REGENERATED("second-factor.recovery-codes"),

    // sign-in security and the Account page (issue 12, task h5)
    SIGN_IN_LOCKED("auth.lock-out"),
    SIGN_IN_UNLOCKED("auth.unlock"),
    SESSION_ENDED("auth.session-ended"),
    SESSIONS_ENDED("account.sessions-end"),
    PASSWORD_CHANGED("account.password-change"),
    ACCOUNT_RENAMED("account.rename"),

    // passphrase reset (h9): asked for on the sign-in page, issued by an admin, the link opened and used
    PASSWORD_RESET_REQUESTED("password-reset.request"),
    PASSWORD_RESET_ISSUED("password-reset.issue"),
    PASSWORD_RESET_OPENED("password-reset.open"),
    PASSWORD_RESET_USED("password-reset.use"),

    // task r (issue 12): the passphrase given again before a sensitive act
    REAUTHENTICATED("auth.reauthenticate"),

    // open sessions (issue 12, task s): a person ends one of theirs, an admin ends every session of the clinic
    ACCOUNT_SESSION_ENDED("account.session-end"),
    CLINIC_SESSIONS_ENDED("clinic.sessions-end"),

    // no e-mail oracle (issue 12, task o): an invitation whose address already has an account, told to the clinic
    INVITATION_NEEDS_ATTENTION("invitation.needs-attention"),

    // safe self-hosting defaults (issue 13, task sd): a wrong setup code on a fresh installation's setup page
    SETUP_CODE_REFUSED("setup.code-refused"),

    // notifications (issue 14, bell): the list opened (ids only), the e-mail choices saved
    NOTIFICATIONS_READ("notification.list-read"),
    NOTIFICATION_SETTINGS_CHANGED("notification.settings-change");

    private final String stored;

    AuditAction(String stored) {
        this.stored = stored;
    }

    /** The string in {@code audit_event.action}. */
    public String stored() {
        return stored;
    }
}
