package org.tandem.sessions.ui;

import org.tandem.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.SESSION_NOTE;

import biweekly.Biweekly;
import biweekly.ICalendar;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.tandem.sessions.Modality;
import org.tandem.sessions.Session;
import org.tandem.sessions.SessionData;
import org.tandem.sessions.SessionNote;
import org.tandem.sessions.SessionService;
import org.tandem.sessions.UpcomingSession;
import org.tandem.sessions.SessionStatus;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

/** The couple's Sessions tab and the therapist's Schedule, used as a therapist would, and refused to everyone else. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class CoupleSessionsViewTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;

    @Autowired TestClock clock;
    @Autowired SessionService sessions;
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    AuditTrail trail;
    /** The e-mails of Jordan (therapist of Alex and Sam), the clinic's admin and Alex. */
    String jordan;
    String admin;
    String alex;
    /** Priya Nair, therapist of Maya and Chris in the same clinic, with no sessions scheduled. */
    String priya;
    final Map<String, Long> couples = new HashMap<>();

    /**
     * Signing in puts the user into this context's strategy bean, but browserless reads the
     * static holder, where another application context (e.g. FirstRunSetupTest's) may have installed its
     * own strategy: put back this context's before browserless sets up its first UI.
     */
    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    /** Committed: refusals are audited in a transaction of their own, which must see the accounts. */
    @BeforeEach
    void prepare() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            Person theJordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            Couple alexAndSam = fixtures.couple(theJordan, "Alex Morgan", "Alex", "Samira Patel", "Sam");
            couples.put("Alex Morgan", alexAndSam.id());
            Person thePriya = fixtures.therapist(clinic, "Priya Nair");
            couple(thePriya, "Maya Johnson", "Chris Johnson");
            priya = thePriya.email();
            couple(fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park"), "Robin Hart", "Casey Hart");
            jordan = theJordan.email();
            admin = fixtures.admin(clinic, "Morgan Ellis").email();
            alex = alexAndSam.one().email();
        });
        trail = AuditTrail.from(dsl);
    }

    private Couple couple(Person therapist, String one, String two) {
        Couple couple = fixtures.couple(therapist, one, two);
        couples.put(one, couple.id());
        return couple;
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** The id of the couple whose first partner has this name. */
    long coupleOf(String partnerName) {
        return couples.get(partnerName);
    }

    String open(String route) {
        navigate(route, Component.class);
        return getCurrentView().getClass().getSimpleName();
    }

    Button button(String text) {
        return $(Button.class).all().stream().filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    List<String> buttons() {
        return $(Button.class).all().stream().map(Button::getText).toList();
    }

    Component card(long sessionId) {
        return $(com.vaadin.flow.component.html.Div.class).id("session-" + sessionId);
    }

    Button button(long sessionId, String text) {
        return $(Button.class, card(sessionId)).all().stream().filter(b -> text.equals(b.getText())).findFirst()
                .orElseThrow();
    }

    Details note(long sessionId) {
        return $(Details.class, card(sessionId)).single();
    }

    List<String> spans() {
        return $(Span.class).all().stream().map(Span::getText).toList();
    }

    @Test
    void therapist_schedules_a_session_from_the_couples_sessions_tab() {
        signIn.as(jordan);
        assertThat(open("couples/" + coupleOf("Alex Morgan") + "/sessions")).isEqualTo("CoupleSessionsView");
        assertThat($(H2.class).all()).extracting(H2::getText).contains("Alex Morgan & Samira Patel");
        LocalDate date = LocalDate.now(clock).plusDays(5);

        test($(DatePicker.class).single()).setValue(date);
        test($(TimePicker.class).single()).setValue(LocalTime.of(17, 30));
        test($(Select.class).single()).selectItem("60 minutes");
        test($(RadioButtonGroup.class).single()).selectItem("Video");
        test(button("Schedule session")).click();

        assertThat(sessions.list(coupleOf("Alex Morgan"))).anySatisfy(session -> {
            assertThat(session.startsAt().toLocalDateTime()).isEqualTo(date.atTime(17, 30));
            assertThat(session.durationMinutes()).isEqualTo(60);
            assertThat(session.modality()).isEqualTo(Modality.VIDEO);
        });
        long id = sessions.list(coupleOf("Alex Morgan")).stream()
                .filter(session -> session.startsAt().toLocalDateTime().equals(date.atTime(17, 30)))
                .findFirst().orElseThrow().id();
        assertThat($(Span.class, card(id)).all()).extracting(Span::getText).contains("Video", "Scheduled");
        assertThat($(Button.class, card(id)).all()).extracting(Button::getText)
                .containsExactly("Move", "Mark cancelled");
        assertThat($(DatePicker.class).single().getValue()).isNull();
    }

    /** Alex and Sam's session in five days at 17:30, their Sessions tab open and its Move dialog opened. */
    Dialog moveDialog(long couple, LocalDate date) {
        long id = sessions.schedule(couple, new SessionData(date, LocalTime.of(17, 30), 60, Modality.VIDEO));
        open("couples/" + couple + "/sessions");
        test(button(id, "Move")).click();
        return $(Dialog.class).id("move-session-" + id);
    }

    long sessionOf(Dialog dialog) {
        return Long.parseLong(dialog.getId().orElseThrow().substring("move-session-".length()));
    }

    void clickMoveSession(Dialog dialog) {
        test($(Button.class, dialog).all().stream().filter(b -> b.getText().equals("Move session")).findFirst()
                .orElseThrow()).click();
    }

    @Test
    void therapist_moves_a_scheduled_session_in_a_dialog_that_starts_as_the_session_is() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        LocalDate date = LocalDate.now(clock).plusDays(5);
        Dialog dialog = moveDialog(couple, date);
        long id = sessionOf(dialog);
        assertThat($(DatePicker.class, dialog).single().getValue()).isEqualTo(date);
        assertThat($(TimePicker.class, dialog).single().getValue()).isEqualTo(LocalTime.of(17, 30));
        test($(DatePicker.class, dialog).single()).setValue(date.plusDays(2));
        test($(TimePicker.class, dialog).single()).setValue(LocalTime.of(9, 0));
        clickMoveSession(dialog);

        Session moved = sessions.list(couple).stream().filter(session -> session.id() == id).findFirst()
                .orElseThrow();
        assertThat(moved.startsAt().toLocalDateTime()).isEqualTo(date.plusDays(2).atTime(9, 0));
        assertThat(moved.durationMinutes()).isEqualTo(60);
        assertThat(moved.modality()).isEqualTo(Modality.VIDEO);
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void a_move_that_raced_another_change_is_reported_and_moves_nothing() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        LocalDate date = LocalDate.now(clock).plusDays(5);
        Dialog dialog = moveDialog(couple, date);
        long id = sessionOf(dialog);
        sessions.move(id, 0, new SessionData(date.plusDays(1), LocalTime.of(17, 30), 60, Modality.VIDEO));

        test($(DatePicker.class, dialog).single()).setValue(date.plusDays(3));
        clickMoveSession(dialog);

        assertThat($(Notification.class).all())
                .anySatisfy(shown -> assertThat(test(shown).getText())
                        .isEqualTo("Someone else changed this session a moment ago. The list now shows the latest"
                                + " state; try again if needed."));
        assertThat(sessions.list(couple).stream().filter(session -> session.id() == id).findFirst().orElseThrow()
                .startsAt().toLocalDate()).isEqualTo(date.plusDays(1));
    }

    @Test
    void a_form_without_date_and_time_explains_each_field_and_schedules_nothing() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        int before = sessions.list(couple).size();
        open("couples/" + couple + "/sessions");

        test(button("Schedule session")).click();

        assertThat($(DatePicker.class).single().getErrorMessage()).isEqualTo("Choose the date of the session.");
        assertThat($(DatePicker.class).single().isInvalid()).isTrue();
        assertThat($(TimePicker.class).single().getErrorMessage()).isEqualTo("Choose the time the session starts.");
        assertThat(sessions.list(couple)).hasSize(before);
    }

    @Test
    void past_session_is_marked_held_and_its_note_autosaves_and_is_there_on_a_fresh_page() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        long id = sessions.schedule(couple, new SessionData(LocalDate.now(clock).minusDays(1), LocalTime.of(10, 0), 50,
                Modality.IN_PERSON));
        open("couples/" + couple + "/sessions");

        test(button(id, "Mark held")).click();
        assertThat($(Span.class, card(id)).all()).extracting(Span::getText).contains("Held");
        assertThat(sessions.list(couple)).filteredOn(s -> s.id() == id).extracting(s -> s.status())
                .containsExactly(SessionStatus.HELD);

        test(note(id)).openDetails();
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .anyMatch(text -> text.startsWith("Only the couple's therapists can read this note"));
        TextArea note = $(TextArea.class, card(id)).single();
        assertThat(note.getValueChangeMode()).isEqualTo(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        assertThat(note.getValueChangeTimeout()).isEqualTo(800);
        test(note).setValue("They practised the speaker-listener technique.\nBoth calmer.");

        assertThat(spans()).anyMatch(text -> text.startsWith("Saved "));
        assertThat(dsl.select(SESSION_NOTE.BODY).from(SESSION_NOTE).where(SESSION_NOTE.SESSION_ID.eq(id))
                .fetchSingle(SESSION_NOTE.BODY)).isEqualTo("They practised the speaker-listener technique.\nBoth calmer.");
        test(note).setValue("They practised the speaker-listener technique.\nBoth calmer. Homework set.");
        assertThat(dsl.select(SESSION_NOTE.VERSION).from(SESSION_NOTE).where(SESSION_NOTE.SESSION_ID.eq(id))
                .fetchSingle(SESSION_NOTE.VERSION)).isEqualTo(2);

        open("caseload");
        open("couples/" + couple + "/sessions");
        assertThat(note(id).getSummaryText()).isEqualTo("Private note (written)");
        test(note(id)).openDetails();
        assertThat($(TextArea.class, card(id)).single().getValue())
                .isEqualTo("They practised the speaker-listener technique.\nBoth calmer. Homework set.");
        assertThat(trail.since("session-note.save")).hasSize(2);
        assertThat(trail.since("session-note.read")).hasSize(2);
    }

    @Test
    void a_note_edited_elsewhere_meanwhile_is_reported_and_not_overwritten() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        long id = sessions.schedule(couple, new SessionData(LocalDate.now(clock).minusDays(2), LocalTime.of(10, 0), 50,
                Modality.IN_PERSON));
        open("couples/" + couple + "/sessions");
        test(note(id)).openDetails();
        TextArea note = $(TextArea.class, card(id)).single();
        SessionNote other = sessions.saveNote(id, 0, "Written in another tab.");

        test(note).setValue("Written here.");

        assertThat(sessions.note(id).body()).isEqualTo("Written in another tab.");
        assertThat(spans()).contains("Not saved: see below.");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("Written in another tab.")
                .anyMatch(text -> text.startsWith("Dr. Jordan Reyes saved this note"));
        test(note).setValue("Written here, still not saved.");
        assertThat(sessions.note(id).version()).isEqualTo(other.version());

        test(button("Use their version")).click();
        assertThat(note.getValue()).isEqualTo("Written in another tab.");
        test(note).setValue("Written in another tab. Added here.");
        assertThat(sessions.note(id).body()).isEqualTo("Written in another tab. Added here.");
    }

    @Test
    void another_therapists_couple_and_another_clinics_couple_are_refused_by_url() {
        signIn.as(jordan);
        long others = coupleOf("Maya Johnson");
        long otherClinic = coupleOf("Robin Hart");

        assertThat(open("couples/" + others + "/sessions")).isEqualTo("AccessDeniedView");
        assertThat(open("couples/" + otherClinic + "/sessions")).isEqualTo("AccessDeniedView");
        assertThat(open("couples/999999999/sessions")).isEqualTo("AccessDeniedView");

        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .contains("couple " + others + ": not on the caseload", "couple " + otherClinic + ": not on the caseload");
    }

    @Test
    void a_partner_cannot_open_their_own_couples_sessions() {
        signIn.as(alex);
        assertThat(open("couples/" + coupleOf("Alex Morgan") + "/sessions")).isEqualTo("AccessDeniedView");
        assertThat(open("schedule")).isEqualTo("AccessDeniedView");
        assertThat(trail.since("access.denied")).hasSize(2);
    }

    @Test
    void an_admin_cannot_open_a_couples_sessions_or_the_schedule() {
        signIn.as(admin);
        assertThat(open("couples/" + coupleOf("Alex Morgan") + "/sessions")).isEqualTo("AccessDeniedView");
        assertThat(open("schedule")).isEqualTo("AccessDeniedView");
    }

    @Test
    void the_schedule_lists_upcoming_sessions_and_downloads_them_as_a_calendar() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        long next = sessions.schedule(couple, new SessionData(LocalDate.now(clock).plusDays(1), LocalTime.of(8, 0), 50,
                Modality.IN_PERSON));
        sessions.saveNote(next, 0, "NOTE TEXT NEVER IN THE CALENDAR");

        assertThat(open("schedule")).isEqualTo("ScheduleView");
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Caseload", "Schedule");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = $(Grid.class).single();
        int upcoming = sessions.upcoming(0, 1000).size();
        assertThat(test(grid).size()).isEqualTo(upcoming).isPositive();

        Anchor download = $(Anchor.class).all().stream()
                .filter(anchor -> anchor.getText().contains("Download calendar (.ics)")).findFirst().orElseThrow();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        test(download).download(file);
        String ics = file.toString(StandardCharsets.UTF_8);
        ICalendar calendar = Biweekly.parse(ics).first();

        assertThat(calendar.getEvents()).hasSize(upcoming);
        assertThat(calendar.getEvents()).anySatisfy(event -> {
            assertThat(event.getUid().getValue()).isEqualTo("session-" + next + "@tandem");
            assertThat(event.getSummary().getValue()).isEqualTo("Session: A.M. & S.P."); // initials by default
            assertThat(event.getLocation().getValue()).isEqualTo("In person");
        });
        assertThat(ics).doesNotContain("NOTE TEXT");
    }

    @Test
    void the_schedule_reads_page_after_page_without_a_total_and_is_empty_for_a_caseload_with_none() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        for (int day = 1; day <= 60; day++) { // more than the grid's first page (50)
            sessions.schedule(couple, new SessionData(LocalDate.now(clock).plusDays(day), LocalTime.of(9, 0), 50,
                    Modality.VIDEO));
        }
        int upcoming = sessions.upcoming(0, 1000).size();

        assertThat(open("schedule")).isEqualTo("ScheduleView");
        @SuppressWarnings("unchecked")
        Grid<UpcomingSession> grid = $(Grid.class).single();
        assertThat(grid.getDataCommunicator().isDefinedSize()).isFalse();
        assertThat(test(grid).size()).isEqualTo(upcoming).isGreaterThanOrEqualTo(60);
        assertThat(java.util.stream.IntStream.range(0, upcoming).mapToObj(row -> test(grid).getRow(row))
                .map(UpcomingSession::startsAt).toList()).isSorted();
        signIn.out();

        signIn.as(priya);
        assertThat(open("schedule")).isEqualTo("ScheduleView");
        @SuppressWarnings("unchecked")
        Grid<UpcomingSession> empty = $(Grid.class).single();
        assertThat(test(empty).size()).isZero();
        assertThat(empty.getEmptyStateText()).isEqualTo("No upcoming sessions. Schedule them from a couple's Sessions tab.");
    }

    @Test
    void my_workbook_shows_the_next_session_once_one_is_scheduled() {
        signIn.as(alex);
        assertThat(open("workbook")).isEqualTo("MyWorkbookView");
        if (sessions.myNextSession().isEmpty()) {
            assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                    .contains("No session is scheduled yet. Your therapist will set the next one.");
        }

        signIn.as(jordan);
        sessions.schedule(coupleOf("Alex Morgan"), new SessionData(LocalDate.of(2099, 3, 4), LocalTime.of(17, 0), 50,
                Modality.VIDEO));
        signIn.as(alex);
        open("caseload");
        assertThat(open("workbook")).isEqualTo("MyWorkbookView");

        var next = sessions.myNextSession().orElseThrow();
        String date = next.startsAt().format(java.time.format.DateTimeFormatter
                .ofLocalizedDate(java.time.format.FormatStyle.FULL).withLocale(com.vaadin.flow.component.UI.getCurrent().getLocale()));
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .anyMatch(text -> text.startsWith("Your next session: " + date + " at "))
                .contains("You and Sam are working with Dr. Jordan Reyes.")
                .noneMatch(text -> text.contains("Samira Patel"));
    }
}
