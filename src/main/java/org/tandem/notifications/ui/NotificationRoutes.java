package org.tandem.notifications.ui;

/** The notifications feature's routes, the one place their URLs are written. */
public final class NotificationRoutes {

    /** The signed-in person's e-mail choices per kind (linked from the bell). */
    public static final String SETTINGS = "notification-settings";

    private NotificationRoutes() {}
}
