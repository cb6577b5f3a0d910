package org.tandem.notifications;

import java.util.EnumSet;
import java.util.Set;
import org.tandem.accounts.Role;

/**
 * Which kinds of notification concern a person of these roles (the only ones offered on their settings page), and
 * which of them come by e-mail when the person has not chosen: partners get messages, assignments and open check-ins
 * by e-mail; therapists (who are in the app all day) nothing by default.
 */
final class KindsOfRole {

    private static final Set<NotificationKind> PARTNER = EnumSet.of(NotificationKind.MODULE_ASSIGNED,
            NotificationKind.FEEDBACK_GIVEN, NotificationKind.CHECK_IN_OPEN, NotificationKind.SESSION_SCHEDULED,
            NotificationKind.SESSION_MOVED, NotificationKind.SESSION_CANCELLED, NotificationKind.MESSAGE,
            NotificationKind.GOAL_MILESTONE_REACHED);

    private static final Set<NotificationKind> THERAPIST = EnumSet.of(NotificationKind.MODULE_SUBMITTED,
            NotificationKind.ALERT_RAISED, NotificationKind.SESSION_SCHEDULED, NotificationKind.SESSION_MOVED,
            NotificationKind.SESSION_CANCELLED, NotificationKind.MESSAGE, NotificationKind.GOAL_MILESTONE_REACHED);

    private static final Set<NotificationKind> PARTNER_BY_EMAIL = EnumSet.of(NotificationKind.MESSAGE,
            NotificationKind.MODULE_ASSIGNED, NotificationKind.CHECK_IN_OPEN);

    private KindsOfRole() {}

    /** The kinds that concern someone of these roles, in the enum's order. */
    static Set<NotificationKind> of(Set<Role> roles) {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        if (roles.contains(Role.CLIENT)) {
            kinds.addAll(PARTNER);
        }
        if (roles.contains(Role.THERAPIST)) {
            kinds.addAll(THERAPIST);
        }
        return kinds;
    }

    /** Whether a person of these roles who has not chosen gets this kind by e-mail. */
    static boolean byEmailByDefault(Set<Role> roles, NotificationKind kind) {
        return roles.contains(Role.CLIENT) && PARTNER_BY_EMAIL.contains(kind);
    }
}
