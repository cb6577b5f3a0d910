package org.tandem.sessions.ui;

import org.tandem.clinic.ClinicFormat;
import org.tandem.clinic.ClinicTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tandem.accounts.Role;
import org.tandem.accounts.StaleVersionException;
import org.tandem.couples.CoupleHeading;
import org.tandem.couples.ui.CoupleLayout;
import org.tandem.couples.ui.CoupleRoutes;
import org.tandem.couples.ui.CoupleTab;
import org.tandem.sessions.Session;
import org.tandem.sessions.SessionService;
import org.tandem.sessions.SessionStatus;
import org.tandem.accounts.RefusedException;
import org.tandem.shell.OneClick;

/** A couple's sessions: schedule one, mark what happened, and keep a private note on each. */
@Route(value = CoupleRoutes.SESSIONS, layout = CoupleLayout.class)
@RolesAllowed(Role.Names.THERAPIST)
class CoupleSessionsView extends Div implements CoupleTab, HasDynamicTitle {

    static final List<Integer> DURATIONS = SessionFields.DURATIONS;

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
        SessionFields fields = new SessionFields();
        Button schedule = OneClick.on(new Button(getTranslation("sessions.schedule")), () -> {
            if (!fields.validate()) {
                return;
            }
            try {
                sessions.schedule(coupleId, fields.data());
            } catch (ConstraintViolationException invalid) {
                error(getTranslation("sessions.error.invalid"));
                return;
            } catch (RefusedException sameTime) {
                error(getTranslation(sameTime.messageKey(), sameTime.args()));
                return;
            }
            Notification.show(getTranslation("sessions.scheduled", names), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            fields.clear();
            refresh();
        });
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        H3 title = new H3(getTranslation("sessions.schedule.title"));
        Section section = new Section(title, fields, schedule);
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.START);
        return section;
    }

    /** The dialog that moves a scheduled session that has not begun: its fields start as the session is. */
    private void move(Session session) {
        Dialog dialog = new Dialog();
        dialog.setId("move-session-" + session.id());
        dialog.setHeaderTitle(getTranslation("sessions.move.title", names));
        SessionFields fields = new SessionFields();
        fields.show(session);
        Button save = OneClick.on(new Button(getTranslation("sessions.move.save")), () -> {
            if (!fields.validate()) {
                return;
            }
            try {
                sessions.move(session.id(), session.version(), fields.data());
            } catch (ConstraintViolationException invalid) {
                error(getTranslation("sessions.error.move-invalid"));
                return;
            } catch (RefusedException refused) {
                error(getTranslation(refused.messageKey(), refused.args()));
                return;
            } catch (StaleVersionException raced) {
                error(getTranslation("sessions.error.conflict"));
                dialog.close();
                refresh();
                return;
            }
            dialog.close();
            Notification.show(getTranslation("sessions.moved", names), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button keep = new Button(getTranslation("sessions.move.cancel"), click -> dialog.close());
        dialog.add(fields);
        dialog.getFooter().add(keep, save);
        dialog.open();
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
            if (session.status() == SessionStatus.SCHEDULED && !started) {
                Button move = new Button(getTranslation("sessions.move"), click -> move(session));
                move.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
                header.add(move);
            }
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
}
