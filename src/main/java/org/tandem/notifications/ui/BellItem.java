package org.tandem.notifications.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.tandem.accounts.CurrentUser;
import org.tandem.notifications.NotificationService;
import org.tandem.shell.AppBarItem;
import org.tandem.shell.LiveUpdates;

/** Puts the notification bell in the app bar of everyone who is signed in (not of a sign-in owing its second factor). */
@org.springframework.stereotype.Component
class BellItem implements AppBarItem {

    private final NotificationService notifications;
    private final LiveUpdates live;

    BellItem(NotificationService notifications, LiveUpdates live) {
        this.notifications = notifications;
        this.live = live;
    }

    @Override
    public Optional<Component> create() {
        return CurrentUser.find().map(user -> new NotificationBell(notifications, live, user));
    }
}
