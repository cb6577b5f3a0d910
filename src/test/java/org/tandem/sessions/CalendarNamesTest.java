package org.tandem.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.CLINIC;

import biweekly.Biweekly;
import biweekly.component.VEvent;
import java.time.LocalTime;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.accounts.StaleVersionException;
import org.tandem.clinic.CalendarNames;
import org.tandem.clinic.ClinicService;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/**
 * The calendar file names couples by their initials unless the clinic's admin chose full names (issue 13: calendars
 * are synced to third-party services).
 */
@IntegrationTest
class CalendarNamesTest {

    @Autowired SessionService sessions;
    @Autowired ClinicService clinic;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    Person admin;
    Person jordan;
    Person lee;
    Couple alexAndSam;
    long session;
    long leesSession;

    /** Committed, since refusals are audited in a transaction of their own that must see the accounts. */
    @BeforeEach
    void two_clinics_with_a_session_each() {
        fixtures.committed(() -> {
            Clinic riverside = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(riverside, "Morgan Ellis");
            jordan = fixtures.therapist(riverside, "Dr. Jordan Reyes");
            alexAndSam = fixtures.couple(jordan, "Alex Morgan", "Samira Patel");
            session = fixtures.session(jordan, alexAndSam, TestClock.TODAY.plusDays(3).atTime(LocalTime.of(10, 0)));
            lee = fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park");
            leesSession = fixtures.session(lee, fixtures.couple(lee, "Robin Hart", "Casey Hart"),
                    TestClock.TODAY.plusDays(4).atTime(LocalTime.of(11, 0)));
        });
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private String summaryOf(Person therapist, long sessionId) {
        signIn.as(therapist.email());
        String ics = sessions.calendar(CalendarLabels.ENGLISH);
        List<VEvent> events = Biweekly.parse(ics).first().getEvents();
        return events.stream().filter(event -> event.getUid().getValue().equals(UpcomingSession.uid(sessionId)))
                .findFirst().orElseThrow().getSummary().getValue();
    }

    private CalendarNames stored(long clinicId) {
        return dsl.select(CLINIC.CALENDAR_NAMES).from(CLINIC).where(CLINIC.ID.eq(clinicId)).fetchSingle().value1();
    }

    @Test
    void by_default_the_calendar_file_holds_initials_only() {
        assertThat(stored(admin.clinicId())).isEqualTo(CalendarNames.INITIALS);
        signIn.as(jordan.email());
        String ics = sessions.calendar(CalendarLabels.ENGLISH);

        assertThat(summaryOf(jordan, session)).isEqualTo("Session: A.M. & S.P.");
        assertThat(ics).doesNotContain("Alex").doesNotContain("Morgan").doesNotContain("Samira").doesNotContain("Patel");
        assertThat(sessions.upcoming(0, 10)).extracting(UpcomingSession::names).as("the schedule page keeps full names")
                .contains("Alex Morgan & Samira Patel");
    }

    @Test
    void the_admin_chooses_full_names_for_their_clinic_only_and_it_is_audited() {
        signIn.as(admin.email());
        AuditTrail trail = AuditTrail.from(dsl);
        assertThat(clinic.calendarNames().names()).isEqualTo(CalendarNames.INITIALS);

        var saved = clinic.updateCalendarNames(clinic.calendarNames().version(), CalendarNames.FULL_NAMES);

        assertThat(saved.names()).isEqualTo(CalendarNames.FULL_NAMES);
        assertThat(stored(admin.clinicId())).isEqualTo(CalendarNames.FULL_NAMES);
        assertThat(trail.since("clinic.policies-changed")).singleElement().satisfies(row -> {
            assertThat(row.getDetail()).isEqualTo("calendar names: INITIALS -> FULL_NAMES");
            assertThat(row.getActorAccountId()).isEqualTo(admin.accountId());
        });
        assertThat(summaryOf(jordan, session)).isEqualTo("Session: Alex Morgan & Samira Patel");
        assertThat(summaryOf(lee, leesSession)).as("another clinic keeps its own setting").isEqualTo("Session: R.H. & C.H.");

        signIn.as(admin.email());
        clinic.updateCalendarNames(clinic.calendarNames().version(), CalendarNames.INITIALS);
        assertThat(summaryOf(jordan, session)).isEqualTo("Session: A.M. & S.P.");
    }

    @Test
    void a_therapist_a_partner_and_anyone_signed_out_cannot_read_or_change_the_setting() {
        for (String email : List.of(jordan.email(), alexAndSam.one().email())) {
            signIn.as(email);
            assertThatThrownBy(() -> clinic.updateCalendarNames(0, CalendarNames.FULL_NAMES)).as(email)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> clinic.calendarNames()).as(email).isInstanceOf(AccessDeniedException.class);
        }
        signIn.out();
        assertThatThrownBy(() -> clinic.updateCalendarNames(0, CalendarNames.FULL_NAMES))
                .isInstanceOf(RuntimeException.class);
        assertThat(stored(admin.clinicId())).isEqualTo(CalendarNames.INITIALS);
    }

    @Test
    void a_save_over_another_admins_is_refused_and_changes_nothing() {
        signIn.as(admin.email());
        int read = clinic.calendarNames().version();
        clinic.updatePolicies(clinic.policies().version(), true); // another admin saved the clinic meanwhile
        AuditTrail trail = AuditTrail.from(dsl);

        assertThatThrownBy(() -> clinic.updateCalendarNames(read, CalendarNames.FULL_NAMES))
                .isInstanceOfSatisfying(StaleVersionException.class, stale -> assertThat(
                        stale.current(org.tandem.clinic.CalendarNamesSetting.class).names())
                        .isEqualTo(CalendarNames.INITIALS));
        assertThat(stored(admin.clinicId())).isEqualTo(CalendarNames.INITIALS);
        assertThat(trail.since("clinic.policies-changed")).isEmpty();
        assertThat(summaryOf(jordan, session)).isEqualTo("Session: A.M. & S.P.");
    }
}
