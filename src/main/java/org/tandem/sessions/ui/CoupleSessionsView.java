package org.tandem.sessions.ui;

import org.tandem.clinic.ClinicFormat;
import org.tandem.clinic.ClinicTime;
import org.tandem.shell.FormConstraints;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.Role;
import org.tandem.accounts.StaleVersionException;
import org.tandem.couples.CoupleHeading;
import org.tandem.couples.ui.CoupleLayout;
import org.tandem.couples.ui.CoupleRoutes;
import org.tandem.couples.ui.CoupleTab;
import org.tandem.sessions.Modality;
import org.tandem.sessions.Session;
import org.tandem.sessions.SessionData;
import org.tandem.sessions.SessionService;
import org.tandem.sessions.SessionStatus;
import org.tandem.accounts.RefusedException;
import org.tandem.shell.OneClick;

/** A couple's sessions: schedule one, mark what happened, and keep a private note on each. */
@Route(value = CoupleRoutes.SESSIONS, layout = CoupleLayout.class)
@RolesAllowed(Role.Names.THERAPIST)
class CoupleSessionsView extends Div implements CoupleTab, HasDynamicTitle {

    static final List<Integer> DURATIONS = List.of(15, 30, 45, 50, 60, 75, 90, 120, 180, 240);

    private final SessionService sessions;
    private final ClinicTime time;
    private final Div upcoming = new Div();
    private final Div past = new Div();
    private long coupleId;
    private String names = "";

    CoupleSessionsView(SessionService sessions, ClinicTime time) {
        this.sessions = sessions;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.MaxWidth.SCREEN_LARGE, LumoUtility.BoxSizing.BORDER);
        this.time = time;
    }

    @Override
    public void show(CoupleHeading couple) {
        coupleId = couple.coupleId();
        names = couple.names();
        removeAll();
        add(scheduleForm(), list());
        refresh();
    }

    private Section scheduleForm() {
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

        Binder<Form> binder = new Binder<>();
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

        Button schedule = OneClick.on(new Button(getTranslation("sessions.schedule")), () -> {
            if (!binder.validate().isOk()) {
                return;
            }
            Form form = binder.getBean();
            try {
                sessions.schedule(coupleId, form.toData());
            } catch (ConstraintViolationException invalid) {
                error(getTranslation("sessions.error.invalid"));
                return;
            } catch (RefusedException sameTime) {
                error(getTranslation(sameTime.messageKey(), sameTime.args()));
                return;
            }
            Notification.show(getTranslation("sessions.scheduled", names), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            binder.setBean(new Form());
            refresh();
        });
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout form = new FormLayout(date, time, duration, modality);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2),
                new FormLayout.ResponsiveStep("56em", 4));
        H3 title = new H3(getTranslation("sessions.schedule.title"));
        Section section = new Section(title, form, schedule);
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.START);
        return section;
    }

    private Div list() {
        H3 upcomingTitle = new H3(getTranslation("sessions.upcoming"));
        H3 pastTitle = new H3(getTranslation("sessions.past"));
        for (Div column : new Div[] {upcoming, past}) {
            column.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        }
        Div list = new Div(upcomingTitle, upcoming, pastTitle, past);
        list.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        return list;
    }

    private void refresh() {
        Instant now = time.now();
        List<Session> all = sessions.list(coupleId);
        List<Session> toCome = new ArrayList<>(all.stream().filter(session -> !session.hasStarted(now)).toList());
        java.util.Collections.reverse(toCome); // soonest first; the past stays newest first
        upcoming.removeAll();
        past.removeAll();
        toCome.forEach(session -> upcoming.add(new SessionCard(session)));
        all.stream().filter(session -> session.hasStarted(now)).forEach(session -> past.add(new SessionCard(session)));
        if (toCome.isEmpty()) {
            upcoming.add(empty(getTranslation("sessions.upcoming.empty")));
        }
        if (past.getComponentCount() == 0) {
            past.add(empty(getTranslation("sessions.past.empty")));
        }
    }

    private static Paragraph empty(String text) {
        Paragraph empty = new Paragraph(text);
        empty.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        return empty;
    }

    private void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** One session: when, where, what happened, the buttons to mark it, and its private note. */
    final class SessionCard extends Div {

        private final HorizontalLayout header = new HorizontalLayout();

        SessionCard(Session session) {
            setId("session-" + session.id());
            Details note = new Details();
            note.setSummaryText(getTranslation(session.hasNote() ? "sessions.note.summary-written"
                    : "sessions.note.summary"));
            note.addOpenedChangeListener(opened -> {
                if (opened.isOpened() && note.getContent().findAny().isEmpty()) {
                    note.add(new NoteEditor(sessions, session.id(), time)); // read (and audited) once per opening of the page
                }
            });
            note.setWidthFull();
            header.setAlignItems(FlexComponent.Alignment.CENTER);
            header.setWrap(true);
            show(session);
            add(header, note);
            addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM,
                    LumoUtility.Padding.SMALL);
        }

        private void show(Session session) {
            header.removeAll();
            ClinicFormat format = time.format(getLocale());
            Span when = new Span(format.fullDate(session.startsAt().toInstant()) + ", "
                    + format.time(session.startsAt().toInstant()) + "–" + format.time(session.endsAt().toInstant()));
            when.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
            Span where = new Span(getTranslation("sessions.modality." + session.modality().name()));
            where.addClassNames(LumoUtility.TextColor.SECONDARY);
            Span status = new Span(getTranslation("sessions.status." + session.status().name()));
            status.getElement().getThemeList().add("badge" + switch (session.status()) {
                case SCHEDULED -> "";
                case HELD -> " success";
                case CANCELLED -> " contrast";
                case NO_SHOW -> " error";
            });
            header.add(when, where, status);
            boolean started = session.hasStarted(time.now());
            for (SessionStatus target : List.of(SessionStatus.HELD, SessionStatus.NO_SHOW, SessionStatus.CANCELLED)) {
                if (target == session.status() || (target != SessionStatus.CANCELLED && !started)) {
                    continue;
                }
                Button mark = new Button(getTranslation("sessions.mark." + target.name()), click -> mark(session, target));
                mark.addThemeVariants(ButtonVariant.LUMO_SMALL,
                        session.status() == SessionStatus.SCHEDULED ? ButtonVariant.LUMO_CONTRAST
                                : ButtonVariant.LUMO_TERTIARY);
                header.add(mark);
            }
        }

        private void mark(Session session, SessionStatus target) {
            try {
                show(sessions.mark(session.id(), session.version(), target));
            } catch (StaleVersionException raced) {
                error(getTranslation("sessions.error.conflict"));
                refresh();
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sessions.page-title", names);
    }

    /** What the schedule form holds while it is being filled in. */
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
