package org.tandem.clinic.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.tandem.accounts.StaleVersionException;
import org.tandem.clinic.CalendarNames;
import org.tandem.clinic.CalendarNamesSetting;
import org.tandem.clinic.ClinicService;
import org.tandem.shell.OneClick;

/**
 * The clinic settings' "names in calendar files" (initials by default, since calendars are synced to third-party
 * services), saved on its own like {@link SecondFactorPolicySection}: a conflict is reported only when another admin
 * changed this same setting meanwhile; after a save, the page's other policies are read again ({@code afterSave}).
 */
class CalendarNamesSection extends Section {

    private final ClinicService clinic;
    private final Runnable afterSave;
    private final RadioButtonGroup<CalendarNames> names = new RadioButtonGroup<>();
    private final Paragraph status = new Paragraph();
    private final Button save = new Button();
    private CalendarNamesSetting shown;

    CalendarNamesSection(ClinicService clinic, Runnable afterSave) {
        this.clinic = clinic;
        this.afterSave = afterSave;
        names.setLabel(getTranslation("clinic.settings.calendar-names.label"));
        names.setItems(CalendarNames.values());
        names.setItemLabelGenerator(choice -> getTranslation("clinic.settings.calendar-names." + choice.name()));
        names.setHelperText(getTranslation("clinic.settings.calendar-names.help"));
        save.setText(getTranslation("clinic.settings.calendar-names.save"));
        OneClick.on(save, this::save);
        add(new H3(getTranslation("clinic.settings.calendar-names")),
                new Paragraph(getTranslation("clinic.settings.calendar-names.intro")), names, save, status);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.AlignItems.START);
        shown = clinic.calendarNames();
        show(shown);
    }

    private void show(CalendarNamesSetting setting) {
        shown = setting;
        names.setValue(setting.names());
        status.setText(getTranslation("clinic.settings.calendar-names.now." + setting.names().name()));
    }

    private void save() {
        CalendarNamesSetting current = clinic.calendarNames();
        try {
            if (current.names() != shown.names()) {
                throw new StaleVersionException("The calendar names", current);
            }
            show(clinic.updateCalendarNames(current.version(),
                    names.getValue() == null ? shown.names() : names.getValue()));
            afterSave.run();
            Notification.show(getTranslation("clinic.settings.saved"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (StaleVersionException conflict) {
            show(clinic.calendarNames());
            Notification.show(getTranslation("clinic.settings.conflict"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }
}
