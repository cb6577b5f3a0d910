package org.tandem.balance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import org.tandem.balance.AlertService;
import org.tandem.balance.CoupleAlert;
import org.tandem.clinic.ClinicTime;

/**
 * The couple's alerts on the Overview: one line per alert saying why (balance.md, "Alerts"), open ones with an
 * Acknowledge button, acknowledged ones kept below a quiet badge; "No alerts" when there are none.
 */
class AlertsPanel extends Section {

    private final AlertService alerts;
    private final long coupleId;
    private final ClinicTime time;
    private final Div content = new Div();

    AlertsPanel(AlertService alerts, long coupleId, List<CoupleAlert> current, ClinicTime time) {
        this.alerts = alerts;
        this.coupleId = coupleId;
        this.time = time;
        setId("balance-alerts");
        addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.LARGE,
                LumoUtility.Padding.MEDIUM, LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.SMALL);
        H3 heading = new H3(getTranslation("balance.alerts.title"));
        heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        add(heading, content);
        show(current);
    }

    private void show(List<CoupleAlert> current) {
        content.removeAll();
        if (current.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("balance.alerts.empty"));
            empty.addClassNames("balance-alerts-empty", LumoUtility.Margin.NONE, LumoUtility.TextColor.SECONDARY);
            content.add(empty);
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassNames(LumoUtility.ListStyleType.NONE, LumoUtility.Margin.NONE, LumoUtility.Padding.NONE,
                LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        // Open alerts first, acknowledged ones after them, each group in the rules' order.
        current.stream().filter(alert -> !alert.acknowledged()).forEach(alert -> list.add(line(alert)));
        current.stream().filter(CoupleAlert::acknowledged).forEach(alert -> list.add(line(alert)));
        content.add(list);
    }

    private ListItem line(CoupleAlert alert) {
        Span reason = new Span(reason(alert));
        reason.addClassNames("balance-alert-reason", LumoUtility.Flex.GROW);
        ListItem item = new ListItem();
        item.addClassNames("balance-alert", LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP,
                LumoUtility.AlignItems.CENTER, LumoUtility.Gap.SMALL);
        item.getElement().setAttribute("data-kind", alert.kind().name());
        if (alert.acknowledged()) {
            item.addClassName(LumoUtility.TextColor.SECONDARY);
            Span done = new Span(getTranslation("balance.alerts.acknowledged"));
            done.getElement().getThemeList().add("badge contrast");
            item.add(reason, done);
        } else {
            Span icon = new Span(VaadinIcon.WARNING.create());
            icon.addClassName(LumoUtility.TextColor.ERROR);
            Button acknowledge = new Button(getTranslation("balance.alerts.acknowledge"), click -> acknowledge(alert));
            acknowledge.addThemeVariants(ButtonVariant.LUMO_SMALL);
            acknowledge.addClassName("balance-alert-acknowledge");
            item.add(icon, reason, acknowledge);
        }
        return item;
    }

    private void acknowledge(CoupleAlert alert) {
        alerts.acknowledge(coupleId, alert);
        show(alerts.alerts(coupleId));
        Notification.show(getTranslation("balance.alerts.acknowledged-done"), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** The sentence of balance.md's rule, its arguments written for people: names of zones, dates, plain numbers. */
    String reason(CoupleAlert alert) {
        return new AlertSentences(this::getTranslation, time.format(getLocale())).of(alert);
    }
}
