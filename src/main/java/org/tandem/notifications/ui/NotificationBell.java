package org.tandem.notifications.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.Role;
import org.tandem.accounts.TandemUser;
import org.tandem.notifications.NotificationItem;
import org.tandem.notifications.NotificationService;
import org.tandem.notifications.Notifications;
import org.tandem.shell.LiveUpdates;

/**
 * The bell: an icon button with the number of unread notifications (none shown at 0), which opens the latest
 * {@link #SHOWN} in a dialog (a dialog rather than a popover: it is in the committed production bundle, and fills a
 * phone's screen). Each opens the thing it is about and is then read. Its count follows new notifications live.
 */
class NotificationBell extends Composite<Div> {

    static final int SHOWN = 20;

    private final NotificationService notifications;
    private final LiveUpdates live;
    private final TandemUser user;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span badge = new Span();
    private final UnorderedList list = new UnorderedList();
    private final Paragraph empty = new Paragraph();
    private final Button markAll = new Button();
    private @Nullable Dialog dialog;
    private @Nullable Registration liveUpdates;

    NotificationBell(NotificationService notifications, LiveUpdates live, TandemUser user) {
        this.notifications = notifications;
        this.live = live;
        this.user = user;
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.setId("notification-bell");
        badge.addClassNames(LumoUtility.Background.ERROR, LumoUtility.TextColor.ERROR_CONTRAST,
                LumoUtility.BorderRadius.LARGE, LumoUtility.FontSize.XSMALL, LumoUtility.FontWeight.SEMIBOLD,
                LumoUtility.Padding.Horizontal.XSMALL);
        badge.getElement().setAttribute("aria-hidden", "true"); // the button's label says it
        bell.setSuffixComponent(badge);
        bell.addClickListener(click -> open());
        getContent().add(bell);
        showCount();
    }

    private void showCount() {
        int unread = notifications.unreadCount();
        badge.setText(unread > 99 ? "99+" : Integer.toString(unread));
        badge.setVisible(unread > 0);
        bell.setAriaLabel(unread == 0 ? getTranslation("notifications.bell.aria-none")
                : getTranslation("notifications.bell.aria", unread));
    }

    private void open() {
        Dialog opened = new Dialog();
        opened.setHeaderTitle(getTranslation("notifications.title"));
        opened.setWidth("min(28rem, calc(100vw - 1rem))");
        list.addClassNames(LumoUtility.ListStyleType.NONE, LumoUtility.Margin.NONE, LumoUtility.Padding.NONE,
                LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        empty.setText(getTranslation("notifications.empty"));
        empty.addClassNames(LumoUtility.TextColor.SECONDARY);
        opened.add(empty, list);
        markAll.setText(getTranslation("notifications.mark-all"));
        markAll.addClickListener(click -> {
            notifications.markAllRead();
            refresh();
        });
        Button close = new Button(getTranslation("notifications.close"), click -> opened.close());
        if (user.hasRole(Role.THERAPIST) || user.hasRole(Role.CLIENT)) {
            Button settings = new Button(getTranslation("notifications.settings-link"), click -> {
                opened.close();
                getUI().ifPresent(ui -> ui.navigate(NotificationSettingsView.class));
            });
            settings.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            settings.addClassNames(LumoUtility.Margin.Right.AUTO);
            opened.getFooter().add(settings);
        }
        opened.getFooter().add(markAll, close);
        opened.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                dialog = null;
            }
        });
        dialog = opened;
        opened.open();
        refresh();
    }

    /** Reads the count, and the list if it is open (which is audited as a read). */
    private void refresh() {
        showCount();
        if (dialog == null) {
            return;
        }
        List<NotificationItem> latest = notifications.latest(SHOWN, getLocale());
        list.removeAll();
        latest.forEach(item -> list.add(row(item)));
        empty.setVisible(latest.isEmpty());
        markAll.setEnabled(latest.stream().anyMatch(item -> !item.read()));
    }

    private ListItem row(NotificationItem item) {
        // A plain button: its text wraps on a phone, where a Vaadin button's label would run off the dialog.
        NativeButton what = new NativeButton(item.text(), click -> openOne(item));
        what.addClassNames(LumoUtility.TextAlignment.LEFT, LumoUtility.Background.TRANSPARENT,
                LumoUtility.Border.NONE, LumoUtility.Padding.NONE, LumoUtility.TextColor.PRIMARY,
                LumoUtility.FontSize.MEDIUM, LumoUtility.Whitespace.NORMAL);
        if (!item.read()) {
            what.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        }
        Span when = new Span(item.when());
        when.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        ListItem row = new ListItem(what, when);
        if (!item.read()) {
            Span unread = new Span(getTranslation("notifications.unread"));
            unread.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.PRIMARY);
            row.add(unread);
        }
        row.setId("notification-" + item.id());
        row.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.SMALL,
                LumoUtility.BorderRadius.MEDIUM, item.read() ? LumoUtility.Background.TRANSPARENT
                        : LumoUtility.Background.CONTRAST_5);
        return row;
    }

    private void openOne(NotificationItem item) {
        String target = notifications.open(item.id());
        Dialog opened = dialog;
        if (opened != null) {
            opened.close();
        }
        showCount();
        getUI().ifPresent(ui -> NotificationTarget.open(ui, target));
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        liveUpdates = live.register(attach.getUI(), user.accountId(), update -> {
            if (update instanceof Notifications.Changed) {
                refresh();
            }
        });
        showCount();
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        Registration registered = liveUpdates;
        if (registered != null) {
            registered.remove();
            liveUpdates = null;
        }
        super.onDetach(detach);
    }
}
