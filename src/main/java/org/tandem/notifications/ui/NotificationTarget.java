package org.tandem.notifications.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;

/** Where a notification leads: its stored target, a route path perhaps with a query ({@code messages?thread=12}). */
public final class NotificationTarget {

    private NotificationTarget() {}

    /** Goes to the target's page in this UI. */
    public static void open(UI ui, String target) {
        int query = target.indexOf('?');
        if (query < 0) {
            ui.navigate(target);
        } else {
            ui.navigate(target.substring(0, query), QueryParameters.fromString(target.substring(query + 1)));
        }
    }
}
