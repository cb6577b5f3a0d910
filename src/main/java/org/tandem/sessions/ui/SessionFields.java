package org.tandem.sessions.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tandem.sessions.Modality;
import org.tandem.sessions.Session;
import org.tandem.sessions.SessionData;
import org.tandem.shell.FormConstraints;

/** A session's date, time, length and place, checked as {@link SessionData} checks them: to schedule or to move one. */
class SessionFields extends Composite<FormLayout> {

    static final List<Integer> DURATIONS = List.of(15, 30, 45, 50, 60, 75, 90, 120, 180, 240);

    private final Binder<Form> binder = new Binder<>();

    SessionFields() {
        DatePicker date = new DatePicker(getTranslation("sessions.field.date"));
        TimePicker time = new TimePicker(getTranslation("sessions.field.time"));
        time.setStep(Duration.ofMinutes(15));
        Select<Integer> duration = new Select<>();
        duration.setLabel(getTranslation("sessions.field.duration"));
        duration.setItems(DURATIONS);
        duration.setItemLabelGenerator(minutes -> getTranslation("sessions.minutes", minutes));
        RadioButtonGroup<Modality> modality = new RadioButtonGroup<>(getTranslation("sessions.field.modality"));
        modality.setItems(Modality.values());
        modality.setItemLabelGenerator(value -> getTranslation("sessions.modality." + value.name()));

        binder.forField(date).withValidator(FormConstraints.of(SessionData.class, "date"))
                .bind(Form::date, Form::date);
        binder.forField(time).withValidator(FormConstraints.of(SessionData.class, "time"))
                .bind(Form::time, Form::time);
        binder.forField(duration).asRequired(getTranslation("sessions.validation.duration-range"))
                .withValidator(FormConstraints.of(SessionData.class, "durationMinutes"))
                .bind(Form::duration, Form::duration);
        binder.forField(modality).withValidator(FormConstraints.of(SessionData.class, "modality"))
                .bind(Form::modality, Form::modality);
        for (HasValue<?, ?> required : List.of(date, time, modality)) {
            required.setRequiredIndicatorVisible(true);
        }
        binder.setBean(new Form());
        getContent().add(date, time, duration, modality);
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("32em", 2), new FormLayout.ResponsiveStep("56em", 4));
    }

    /** Empty again, with the usual length and place. */
    void clear() {
        binder.setBean(new Form());
    }

    /** Filled in with the session as it is. */
    void show(Session session) {
        Form form = new Form();
        form.date(session.startsAt().toLocalDate());
        form.time(session.startsAt().toLocalTime());
        form.duration(session.durationMinutes());
        form.modality(session.modality());
        binder.setBean(form);
    }

    /** Whether every field is filled in well (each wrong one says why beside it). */
    boolean validate() {
        return binder.validate().isOk();
    }

    SessionData data() {
        return binder.getBean().toData();
    }

    /** What the fields hold while they are being filled in. */
    static final class Form {
        private @Nullable LocalDate date;
        private @Nullable LocalTime time;
        private @Nullable Integer duration = 50;
        private @Nullable Modality modality = Modality.IN_PERSON;

        @Nullable LocalDate date() { return date; }
        void date(@Nullable LocalDate value) { date = value; }
        @Nullable LocalTime time() { return time; }
        void time(@Nullable LocalTime value) { time = value; }
        @Nullable Integer duration() { return duration; }
        void duration(@Nullable Integer value) { duration = value; }
        @Nullable Modality modality() { return modality; }
        void modality(@Nullable Modality value) { modality = value; }

        SessionData toData() {
            return new SessionData(date, time, duration == null ? 0 : duration, modality);
        }
    }
}
