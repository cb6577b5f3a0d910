package org.tandem.notifications;

/**
 * One notification as the bell lists it for its recipient.
 *
 * @param text   what happened, in the reader's language, with the notification's detail (a module's title)
 * @param when   when it happened, in the clinic's zone
 * @param target the route path that shows the thing; opening the notification goes there
 */
public record NotificationItem(long id, NotificationKind kind, String text, String when, boolean read,
        String target) {}
