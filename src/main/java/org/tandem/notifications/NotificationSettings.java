package org.tandem.notifications;

import java.util.List;

/**
 * The signed-in person's choices, one per kind that concerns their roles (their own choice, else their role's
 * default), and whether this Tandem sends e-mail at all.
 */
public record NotificationSettings(List<EmailChoice> choices, boolean mailConfigured) {

    public NotificationSettings {
        choices = List.copyOf(choices);
    }
}
