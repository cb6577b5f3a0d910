package org.tandem.sessions;

import org.tandem.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.SESSION_NOTE;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.StaleVersionException;
import org.tandem.accounts.TandemUser;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

@IntegrationTest
class SessionServiceTest {

    @Autowired SessionService sessions;

    @Autowired TestClock clock;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    AuditTrail trail;
    /** The e-mails of Jordan and Priya (therapists), the clinic's admin, Alex and Sam (a couple of Jordan's). */
    String jordan;
    String priya;
    String admin;
    String alex;
    String sam;
    /** A therapist of another clinic. */
    String lee;
    final Map<String, Long> couples = new HashMap<>();

    /**
     * Committed: refusals are audited in a transaction of their own, which must see the accounts. Jordan has Alex
     * and Sam, Aisha and Omar, and is co-therapist of Priya's Kwame and Efua; Priya also has Maya and Chris; Lee,
     * in another clinic, has Robin and Casey.
     */
    @BeforeEach
    void two_clinics() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            Person theAdmin = fixtures.admin(clinic, "Morgan Ellis");
            Person theJordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            Person thePriya = fixtures.therapist(clinic, "Priya Nair");
            Couple alexAndSam = couple(theJordan, "Alex Morgan", "Samira Patel");
            couple(theJordan, "Aisha Khan", "Omar Haddad");
            fixtures.coTherapist(theAdmin, couple(thePriya, "Kwame Mensah", "Efua Mensah"), theJordan);
            couple(thePriya, "Maya Johnson", "Chris Johnson");
            Person theLee = fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park");
            couple(theLee, "Robin Hart", "Casey Hart");
            jordan = theJordan.email();
            priya = thePriya.email();
            admin = theAdmin.email();
            alex = alexAndSam.one().email();
            sam = alexAndSam.two().email();
            lee = theLee.email();
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

    static SessionData inDays(int days, Modality modality) {
        return new SessionData(TestClock.TODAY.plusDays(days), LocalTime.of(17, 0), 50, modality);
    }

    static Set<String> messages(ConstraintViolationException invalid) {
        return invalid.getConstraintViolations().stream().map(ConstraintViolation::getMessage)
                .collect(Collectors.toSet());
    }

    @Test
    void therapist_schedules_a_session_stored_as_the_instant_of_date_and_time_in_the_clinic_zone() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        LocalDate date = LocalDate.now(clock).plusDays(9);

        long id = sessions.schedule(couple, new SessionData(date, LocalTime.of(18, 30), 75, Modality.VIDEO));

        OffsetDateTime stored = dsl.select(COUPLE_SESSION.STARTS_AT).from(COUPLE_SESSION)
                .where(COUPLE_SESSION.ID.eq(id)).fetchSingle(COUPLE_SESSION.STARTS_AT);
        assertThat(stored.toInstant()).isEqualTo(date.atTime(18, 30).atZone(clock.getZone()).toInstant());
        Session session = sessions.list(couple).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        assertThat(session.startsAt().toLocalDate()).isEqualTo(date);
        assertThat(session.startsAt().toLocalTime()).isEqualTo(LocalTime.of(18, 30));
        assertThat(session.durationMinutes()).isEqualTo(75);
        assertThat(session.modality()).isEqualTo(Modality.VIDEO);
        assertThat(session.status()).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(session.hasNote()).isFalse();
        assertThat(trail.since("session.schedule")).extracting(row -> row.getSubjectId()).containsExactly(id);
    }

    @Test
    void scheduling_refuses_each_bad_field_with_a_clear_message_and_writes_nothing() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        int before = sessions.list(couple).size();

        assertThatThrownBy(() -> sessions.schedule(couple, new SessionData(null, null, 10, null)))
                .isInstanceOfSatisfying(ConstraintViolationException.class, invalid -> assertThat(messages(invalid))
                        .containsExactlyInAnyOrder("Choose the date of the session.",
                                "Choose the time the session starts.",
                                "Choose a length between 15 minutes and 8 hours.", "Choose in person or video."));
        assertThatThrownBy(() -> sessions.schedule(couple,
                new SessionData(LocalDate.now(clock), LocalTime.NOON, 481, Modality.IN_PERSON)))
                .isInstanceOfSatisfying(ConstraintViolationException.class, invalid -> assertThat(messages(invalid))
                        .containsExactly("Choose a length between 15 minutes and 8 hours."));

        assertThat(sessions.list(couple)).hasSize(before);
    }

    @Test
    void list_is_newest_first() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        long past = sessions.schedule(couple, inDays(-14, Modality.IN_PERSON));
        long next = sessions.schedule(couple, inDays(7, Modality.IN_PERSON));
        long later = sessions.schedule(couple, inDays(21, Modality.VIDEO));

        List<Long> ids = sessions.list(couple).stream().map(Session::id).toList();

        assertThat(ids).containsSubsequence(later, next, past);
        assertThat(sessions.list(couple)).extracting(Session::startsAt)
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void past_sessions_are_marked_held_cancelled_or_no_show() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        long held = sessions.schedule(couple, inDays(-7, Modality.IN_PERSON));
        long cancelled = sessions.schedule(couple, inDays(-14, Modality.IN_PERSON));
        long missed = sessions.schedule(couple, inDays(-21, Modality.VIDEO));

        assertThat(sessions.mark(held, 0, SessionStatus.HELD).status()).isEqualTo(SessionStatus.HELD);
        assertThat(sessions.mark(cancelled, 0, SessionStatus.CANCELLED).status()).isEqualTo(SessionStatus.CANCELLED);
        Session marked = sessions.mark(missed, 0, SessionStatus.NO_SHOW);

        assertThat(marked.status()).isEqualTo(SessionStatus.NO_SHOW);
        assertThat(marked.version()).isEqualTo(1);
        assertThat(trail.since("session.mark")).extracting(row -> row.getDetail())
                .containsExactly("SCHEDULED -> HELD", "SCHEDULED -> CANCELLED", "SCHEDULED -> NO_SHOW");
    }

    @Test
    void a_future_session_cannot_be_marked_held_or_no_show_but_can_be_cancelled() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        long future = sessions.schedule(couple, inDays(3, Modality.IN_PERSON));

        assertThatThrownBy(() -> sessions.mark(future, 0, SessionStatus.HELD))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("sessions.error.not-started"));
        assertThatThrownBy(() -> sessions.mark(future, 0, SessionStatus.NO_SHOW))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("sessions.error.not-started"));

        assertThat(sessions.mark(future, 0, SessionStatus.CANCELLED).status()).isEqualTo(SessionStatus.CANCELLED);
    }

    @Test
    void marking_a_session_someone_else_changed_meanwhile_is_refused() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        long id = sessions.schedule(couple, inDays(-2, Modality.IN_PERSON));
        sessions.mark(id, 0, SessionStatus.HELD);

        assertThatThrownBy(() -> sessions.mark(id, 0, SessionStatus.NO_SHOW))
                .isInstanceOf(StaleVersionException.class);
        assertThat(sessions.list(couple).stream().filter(s -> s.id() == id).findFirst().orElseThrow().status())
                .isEqualTo(SessionStatus.HELD);
    }

    // ---- moving a session (issue 14) ----

    @Test
    void a_scheduled_session_is_moved_to_another_time_length_and_place_and_the_move_is_audited() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        long id = sessions.schedule(couple, inDays(3, Modality.IN_PERSON));

        Session moved = sessions.move(id, 0, new SessionData(TestClock.TODAY.plusDays(5), LocalTime.of(9, 15), 75,
                Modality.VIDEO));

        assertThat(moved.startsAt().toLocalDateTime()).isEqualTo(TestClock.TODAY.plusDays(5).atTime(9, 15));
        assertThat(moved.durationMinutes()).isEqualTo(75);
        assertThat(moved.modality()).isEqualTo(Modality.VIDEO);
        assertThat(moved.status()).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(moved.version()).isEqualTo(1);
        assertThat(trail.since("session.move")).extracting(row -> row.getSubjectId()).containsExactly(id);
    }

    @Test
    void a_move_is_refused_onto_a_taken_time_into_the_past_after_the_start_or_once_cancelled() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        long id = sessions.schedule(couple, inDays(3, Modality.IN_PERSON));
        sessions.schedule(couple, inDays(4, Modality.IN_PERSON));
        long begun = sessions.schedule(couple, new SessionData(TestClock.TODAY, LocalTime.of(10, 0), 60,
                Modality.IN_PERSON));
        long cancelled = sessions.schedule(couple, inDays(6, Modality.IN_PERSON));
        sessions.mark(cancelled, 0, SessionStatus.CANCELLED);

        assertThatThrownBy(() -> sessions.move(id, 0, inDays(4, Modality.VIDEO)))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("sessions.error.same-time"));
        assertThatThrownBy(() -> sessions.move(id, 0, inDays(-1, Modality.VIDEO)))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("sessions.error.move-to-past"));
        assertThatThrownBy(() -> sessions.move(begun, 0, inDays(5, Modality.VIDEO)))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("sessions.error.not-movable"));
        assertThatThrownBy(() -> sessions.move(cancelled, 1, inDays(5, Modality.VIDEO)))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("sessions.error.not-movable"));
        // Keeping the time and changing only the place is no clash with itself.
        assertThat(sessions.move(id, 0, inDays(3, Modality.VIDEO)).modality()).isEqualTo(Modality.VIDEO);
        assertThat(trail.since("session.move")).hasSize(1);
    }

    @Test
    void moving_a_session_someone_else_changed_meanwhile_is_refused_and_moves_nothing() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        long id = sessions.schedule(couple, inDays(3, Modality.IN_PERSON));
        sessions.move(id, 0, inDays(5, Modality.IN_PERSON));

        assertThatThrownBy(() -> sessions.move(id, 0, inDays(9, Modality.VIDEO)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(sessions.list(couple).stream().filter(s -> s.id() == id).findFirst().orElseThrow().startsAt()
                .toLocalDate()).isEqualTo(TestClock.TODAY.plusDays(5));
    }

    @Test
    void another_therapists_partners_and_admins_cannot_move_a_session_and_the_refusal_is_audited() {
        long theirSession = signIn.during(priya, () -> sessions.schedule(coupleOf("Maya Johnson"),
                inDays(3, Modality.IN_PERSON)));

        for (String someone : List.of(jordan, lee)) {
            signIn.as(someone);
            assertThatThrownBy(() -> sessions.move(theirSession, 0, inDays(5, Modality.VIDEO)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        for (String someone : List.of(admin, alex)) {
            signIn.as(someone);
            assertThatThrownBy(() -> sessions.move(theirSession, 0, inDays(5, Modality.VIDEO)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail()).contains(
                "couple " + coupleOf("Maya Johnson") + ": not on the caseload",
                "session " + theirSession + ": not found");
        assertThat(trail.since("session.move")).isEmpty();
    }

    @Test
    void a_note_is_saved_read_back_and_survives_a_new_sign_in() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        long id = sessions.schedule(couple, inDays(-1, Modality.IN_PERSON));
        assertThat(sessions.note(id).version()).isZero();

        SessionNote first = sessions.saveNote(id, 0, "Worked on repair attempts.\nHomework: daily check-in.");
        SessionNote second = sessions.saveNote(id, first.version(), first.body() + "\nNext: finances.");
        signIn.out();
        signIn.as(jordan);

        SessionNote read = sessions.note(id);
        assertThat(read.body()).isEqualTo("Worked on repair attempts.\nHomework: daily check-in.\nNext: finances.");
        assertThat(read.version()).isEqualTo(second.version()).isEqualTo(2);
        assertThat(read.updatedBy()).isEqualTo("Dr. Jordan Reyes");
        assertThat(sessions.list(couple).stream().filter(s -> s.id() == id).findFirst().orElseThrow().hasNote())
                .isTrue();
        assertThat(trail.since("session-note.save")).extracting(row -> row.getDetail())
                .containsExactly("version 1, 52 characters", "version 2, 68 characters")
                .noneMatch(detail -> detail.contains("repair"));
        assertThat(trail.since("session-note.read")).hasSize(2);
    }

    @Test
    void a_save_that_raced_another_edit_is_reported_with_the_other_text_and_overwrites_nothing() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        long id = sessions.schedule(couple, inDays(-1, Modality.IN_PERSON));
        SessionNote opened = sessions.note(id);
        sessions.saveNote(id, opened.version(), "First tab: they agreed on a weekly date night.");

        assertThatThrownBy(() -> sessions.saveNote(id, opened.version(), "Second tab: something else."))
                .isInstanceOfSatisfying(StaleVersionException.class, raced -> {
                    assertThat(raced.current(SessionNote.class).body())
                            .isEqualTo("First tab: they agreed on a weekly date night.");
                    assertThat(raced.current(SessionNote.class).version()).isEqualTo(1);
                });
        SessionNote edited = sessions.saveNote(id, 1, "First tab, edited.");
        assertThatThrownBy(() -> sessions.saveNote(id, 1, "Stale second tab."))
                .isInstanceOf(StaleVersionException.class);

        assertThat(edited.version()).isEqualTo(2);
        assertThat(dsl.select(SESSION_NOTE.BODY).from(SESSION_NOTE).where(SESSION_NOTE.SESSION_ID.eq(id))
                .fetchSingle(SESSION_NOTE.BODY)).isEqualTo("First tab, edited.");
    }

    @Test
    void a_note_longer_than_twenty_thousand_characters_is_refused() {
        signIn.as(jordan);
        long id = sessions.schedule(coupleOf("Alex Morgan"), inDays(-1, Modality.IN_PERSON));

        assertThat(sessions.saveNote(id, 0, "x".repeat(20_000)).body()).hasSize(20_000);
        assertThatThrownBy(() -> sessions.saveNote(id, 1, "x".repeat(20_001)))
                .isInstanceOfSatisfying(ConstraintViolationException.class, invalid -> assertThat(messages(invalid))
                        .containsExactly("A note can hold at most 20,000 characters."));
    }

    @Test
    void an_admin_cannot_read_or_write_notes_and_the_refusal_is_audited() {
        signIn.as(jordan);
        long id = sessions.schedule(coupleOf("Alex Morgan"), inDays(-1, Modality.IN_PERSON));
        sessions.saveNote(id, 0, "Private.");
        signIn.as(admin);

        assertThatThrownBy(() -> sessions.note(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.saveNote(id, 1, "Admin text")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.list(coupleOf("Alex Morgan"))).isInstanceOf(AccessDeniedException.class);

        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .containsExactly("call SessionService.note: not authorised", "call SessionService.saveNote: not authorised",
                        "call SessionService.list: not authorised");
    }

    @Test
    void a_partner_cannot_read_notes_or_sessions_and_the_refusal_is_audited() {
        signIn.as(jordan);
        long couple = coupleOf("Alex Morgan");
        long id = sessions.schedule(couple, inDays(-1, Modality.IN_PERSON));
        sessions.saveNote(id, 0, "Private.");
        signIn.as(alex);

        assertThatThrownBy(() -> sessions.note(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.list(couple)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.mark(id, 0, SessionStatus.HELD)).isInstanceOf(AccessDeniedException.class);

        assertThat(trail.since("access.denied")).hasSize(3)
                .allSatisfy(row -> assertThat(row.getActor()).isEqualTo(alex));
    }

    @Test
    void another_therapists_couple_and_sessions_are_refused_and_audited() {
        signIn.as(priya);
        long theirCouple = coupleOf("Maya Johnson");
        long theirSession = sessions.schedule(theirCouple, inDays(-1, Modality.IN_PERSON));
        sessions.saveNote(theirSession, 0, "Priya's note.");
        signIn.as(jordan);

        assertThatThrownBy(() -> sessions.list(theirCouple)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.schedule(theirCouple, inDays(3, Modality.VIDEO)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.note(theirSession)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.saveNote(theirSession, 1, "Overwritten?"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.mark(theirSession, 0, SessionStatus.CANCELLED))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail()).containsExactly(
                "couple " + theirCouple + ": not on the caseload", "couple " + theirCouple + ": not on the caseload",
                "couple " + theirCouple + ": not on the caseload", "couple " + theirCouple + ": not on the caseload",
                "couple " + theirCouple + ": not on the caseload");
        assertThat(dsl.select(SESSION_NOTE.BODY).from(SESSION_NOTE).where(SESSION_NOTE.SESSION_ID.eq(theirSession))
                .fetchSingle(SESSION_NOTE.BODY)).isEqualTo("Priya's note.");
    }

    @Test
    void nothing_crosses_clinics() {
        signIn.as(jordan);
        long ours = sessions.schedule(coupleOf("Alex Morgan"), inDays(-1, Modality.IN_PERSON));
        sessions.saveNote(ours, 0, "Our clinic's note.");
        signIn.as(lee);
        long theirs = coupleOf("Robin Hart");

        assertThatThrownBy(() -> sessions.note(ours)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.mark(ours, 0, SessionStatus.CANCELLED))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.list(coupleOf("Alex Morgan"))).isInstanceOf(AccessDeniedException.class);
        long theirSession = sessions.schedule(theirs, inDays(2, Modality.IN_PERSON));
        signIn.as(jordan);
        assertThatThrownBy(() -> sessions.note(theirSession)).isInstanceOf(AccessDeniedException.class);

        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail()).containsExactly(
                "session " + ours + ": not found", "session " + ours + ": not found",
                "couple " + coupleOf("Alex Morgan") + ": not on the caseload", "session " + theirSession + ": not found");
    }

    /** What the calendar must hold: the therapist's couples' SCHEDULED sessions that have not started, by id. */
    Set<Long> expectedUpcoming(TandemUser therapist) {
        return Set.copyOf(dsl.select(COUPLE_SESSION.ID).from(COUPLE_SESSION)
                .join(COUPLE_THERAPIST).on(COUPLE_THERAPIST.COUPLE_ID.eq(COUPLE_SESSION.COUPLE_ID))
                .where(COUPLE_THERAPIST.ACCOUNT_ID.eq(therapist.accountId()),
                        COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED),
                        COUPLE_SESSION.STARTS_AT.ge(OffsetDateTime.now(clock)))
                .fetch(COUPLE_SESSION.ID));
    }

    @Test
    void the_calendar_file_parses_back_and_holds_exactly_the_therapists_upcoming_scheduled_sessions() {
        signIn.as(priya);
        long otherTherapists = sessions.schedule(coupleOf("Maya Johnson"), inDays(5, Modality.IN_PERSON));
        TandemUser therapist = signIn.as(jordan);
        long alex = coupleOf("Alex Morgan");
        long next = sessions.schedule(alex, new SessionData(LocalDate.now(clock).plusDays(6), LocalTime.of(9, 15), 50,
                Modality.VIDEO));
        long coTherapy = sessions.schedule(coupleOf("Kwame Mensah"), inDays(8, Modality.IN_PERSON));
        long cancelled = sessions.schedule(alex, inDays(13, Modality.IN_PERSON));
        sessions.mark(cancelled, 0, SessionStatus.CANCELLED);
        long past = sessions.schedule(alex, inDays(-3, Modality.IN_PERSON));
        sessions.saveNote(next, 0, "SECRET NOTE TEXT about the couple");

        String ics = sessions.calendar(CalendarLabels.ENGLISH);
        ICalendar calendar = Biweekly.parse(ics).first();

        assertThat(calendar.getProductId().getValue()).isEqualTo("-//Tandem//Sessions//EN");
        Set<String> uids = calendar.getEvents().stream().map(event -> event.getUid().getValue())
                .collect(Collectors.toSet());
        assertThat(uids).hasSize(calendar.getEvents().size())
                .isEqualTo(expectedUpcoming(therapist).stream().map(UpcomingSession::uid).collect(Collectors.toSet()))
                .contains(UpcomingSession.uid(next), UpcomingSession.uid(coTherapy))
                .doesNotContain(UpcomingSession.uid(cancelled), UpcomingSession.uid(past),
                        UpcomingSession.uid(otherTherapists));
        VEvent event = calendar.getEvents().stream()
                .filter(e -> e.getUid().getValue().equals(UpcomingSession.uid(next))).findFirst().orElseThrow();
        assertThat(event.getSummary().getValue()).isEqualTo("Session: A.M. & S.P."); // initials by default
        assertThat(event.getLocation().getValue()).isEqualTo("Video");
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(
                LocalDate.now(clock).plusDays(6).atTime(9, 15).atZone(clock.getZone()).toInstant());
        assertThat(event.getDateEnd().getValue().toInstant())
                .isEqualTo(event.getDateStart().getValue().toInstant().plusSeconds(50 * 60));
        assertThat(ics).contains("DTSTART:" + LocalDate.now(clock).plusDays(6).atTime(9, 15)
                .atZone(clock.getZone()).withZoneSameInstant(ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")));
        assertThat(ics).doesNotContain("SECRET").doesNotContain("couple\n");
        assertThat(trail.since("session.upcoming-read")).extracting(row -> row.getDetail())
                .containsExactly("calendar file, " + uids.size() + " sessions");
    }

    @Test
    void the_schedule_pages_through_the_same_upcoming_sessions_soonest_first() {
        TandemUser therapist = signIn.as(jordan);
        long alex = coupleOf("Alex Morgan");
        sessions.schedule(alex, inDays(2, Modality.IN_PERSON));
        sessions.schedule(alex, inDays(1, Modality.VIDEO));

        List<UpcomingSession> all = sessions.upcoming(0, 1000);

        assertThat(all).extracting(UpcomingSession::id).containsExactlyInAnyOrderElementsOf(expectedUpcoming(therapist));
        assertThat(all).extracting(UpcomingSession::startsAt).isSorted();
        assertThat(sessions.upcoming(1, 1)).containsExactly(all.get(1));
    }

    @Test
    void admin_and_partner_get_no_calendar() {
        signIn.as(admin);
        assertThatThrownBy(() -> sessions.calendar(CalendarLabels.ENGLISH)).isInstanceOf(AccessDeniedException.class);
        signIn.as(alex);
        assertThatThrownBy(() -> sessions.upcoming(0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_partner_sees_their_couples_next_session_and_nothing_else() {
        signIn.as(jordan);
        long alex = coupleOf("Alex Morgan");
        long next = sessions.schedule(alex, new SessionData(LocalDate.now(clock).plusDays(4), LocalTime.of(16, 0), 60,
                Modality.VIDEO));
        sessions.schedule(alex, inDays(11, Modality.IN_PERSON));
        long earlierCancelled = sessions.schedule(alex, inDays(2, Modality.IN_PERSON));
        sessions.mark(earlierCancelled, 0, SessionStatus.CANCELLED);
        sessions.schedule(coupleOf("Aisha Khan"), inDays(1, Modality.IN_PERSON));
        OffsetDateTime expected = dsl.select(COUPLE_SESSION.STARTS_AT).from(COUPLE_SESSION)
                .where(COUPLE_SESSION.COUPLE_ID.eq(alex), COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED),
                        COUPLE_SESSION.STARTS_AT.ge(OffsetDateTime.now(clock)))
                .orderBy(COUPLE_SESSION.STARTS_AT).limit(1).fetchSingle(COUPLE_SESSION.STARTS_AT);
        signIn.as(sam);

        NextSession mine = sessions.myNextSession().orElseThrow();

        assertThat(mine.startsAt().toInstant()).isEqualTo(expected.toInstant());
        if (expected.toInstant().equals(LocalDate.now(clock).plusDays(4).atTime(16, 0).atZone(clock.getZone())
                .toInstant())) {
            assertThat(mine.modality()).isEqualTo(Modality.VIDEO);
            assertThat(mine.durationMinutes()).isEqualTo(60);
        }
        assertThat(trail.since("session.read-own-next")).hasSize(1);
        assertThatThrownBy(() -> sessions.note(next)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void therapist_and_admin_have_no_next_session_of_their_own() {
        signIn.as(jordan);
        assertThatThrownBy(() -> sessions.myNextSession()).isInstanceOf(AccessDeniedException.class);
        signIn.as(admin);
        assertThatThrownBy(() -> sessions.myNextSession()).isInstanceOf(AccessDeniedException.class);
    }
}
