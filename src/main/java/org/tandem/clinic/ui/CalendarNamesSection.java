package org.tandem.clinic.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.tandem.clinic.CalendarNames;
import org.tandem.clinic.CalendarNamesSetting;
import org.tandem.clinic.ClinicService;
import org.tandem.shell.OneClick;

/**
 * The clinic settings' "names in calendar files" (initials by default, since calendars are synced to third-party
 * services), saved on its own.
 */
class CalendarNamesSection extends OwnSaveSection<CalendarNamesSetting> {

    private final ClinicService clinic;
    private final RadioButtonGroup<CalendarNames> names = new RadioButtonGroup<>();
    private final Paragraph status = new Paragraph();

    CalendarNamesSection(ClinicService clinic, Runnable afterSave) {
        super(clinic.calendarNames(), afterSave);
        this.clinic = clinic;
        names.setLabel(getTranslation("clinic.settings.calendar-names.label"));
        names.setItems(CalendarNames.values());
        names.setItemLabelGenerator(choice -> getTranslation("clinic.settings.calendar-names." + choice.name()));
        names.setHelperText(getTranslation("clinic.settings.calendar-names.help"));
        Button save = OneClick.on(new Button(getTranslation("clinic.settings.calendar-names.save")), this::save);
        add(new H3(getTranslation("clinic.settings.calendar-names")),
                new Paragraph(getTranslation("clinic.settings.calendar-names.intro")), names, save, status);
        show(read());
    }

    @Override
    CalendarNamesSetting read() {
        return clinic.calendarNames();
    }

    @Override
    CalendarNamesSetting write(CalendarNamesSetting current) {
        return clinic.updateCalendarNames(current.version(), names.getValue() == null ? current.names() : names.getValue());
    }

    @Override
    void display(CalendarNamesSetting setting) {
        names.setValue(setting.names());
        status.setText(getTranslation("clinic.settings.calendar-names.now." + setting.names().name()));
    }

    @Override
    boolean sameChoice(CalendarNamesSetting one, CalendarNamesSetting other) {
        return one.names() == other.names();
    }
}
