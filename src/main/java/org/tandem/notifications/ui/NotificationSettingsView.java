package org.tandem.notifications.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tandem.accounts.Role;
import org.tandem.notifications.EmailChoice;
import org.tandem.notifications.NotificationKind;
import org.tandem.notifications.NotificationSettings;
import org.tandem.notifications.NotificationSettingsService;

/**
 * The signed-in person's choice per kind of notification: in the app only, or in the app and by e-mail. Only the
 * kinds that concern their roles are offered. A page of its own (linked from the bell), since the Account page lives
 * in accounts, which depends on no feature.
 */
@Route(NotificationRoutes.SETTINGS)
@RolesAllowed({Role.Names.THERAPIST, Role.Names.CLIENT})
class NotificationSettingsView extends Main implements HasDynamicTitle {

    private final Map<NotificationKind, RadioButtonGroup<Boolean>> choices = new LinkedHashMap<>();

    NotificationSettingsView(NotificationSettingsService settings) {
        NotificationSettings mine = settings.mine();
        add(new H2(getTranslation("notifications.settings.title")));
        Paragraph intro = new Paragraph(getTranslation(mine.mailConfigured() ? "notifications.settings.intro"
                : "notifications.settings.no-mail"));
        intro.addClassNames(LumoUtility.TextColor.SECONDARY);
        add(intro);
        if (mine.choices().isEmpty()) {
            add(new Paragraph(getTranslation("notifications.settings.none")));
        }
        for (EmailChoice choice : mine.choices()) {
            RadioButtonGroup<Boolean> group = new RadioButtonGroup<>(
                    getTranslation("notifications.kind." + choice.kind().name()));
            group.setItems(false, true);
            group.setItemLabelGenerator(byEmail -> getTranslation(byEmail ? "notifications.settings.by-email"
                    : "notifications.settings.in-app"));
            group.setValue(choice.byEmail());
            group.setReadOnly(!mine.mailConfigured());
            group.setId("notify-" + choice.kind().name());
            choices.put(choice.kind(), group);
            add(group);
        }
        if (mine.mailConfigured() && !mine.choices().isEmpty()) {
            Button save = new Button(getTranslation("notifications.settings.save"), click -> save(settings));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClassNames(LumoUtility.AlignSelf.START);
            add(save);
        }
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.MEDIUM, LumoUtility.MaxWidth.SCREEN_MEDIUM, LumoUtility.BoxSizing.BORDER);
    }

    private void save(NotificationSettingsService settings) {
        Set<NotificationKind> byEmail = EnumSet.noneOf(NotificationKind.class);
        choices.forEach((kind, group) -> {
            if (Boolean.TRUE.equals(group.getValue())) {
                byEmail.add(kind);
            }
        });
        settings.save(byEmail);
        Notification.show(getTranslation("notifications.settings.saved"), 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.settings.page-title");
    }
}
