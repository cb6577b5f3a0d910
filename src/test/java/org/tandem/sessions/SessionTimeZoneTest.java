package org.tandem.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.COUPLE_SESSION;

import biweekly.Biweekly;
import biweekly.component.VEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/**
 * A clinic whose zone ({@code tandem.time-zone}) is far from the server's: dates and times mean the clinic's wall
 * clock and are stored as instants. The test clock carries the clinic's zone, as the application's clock does.
 */
@IntegrationTest
class SessionTimeZoneTest {

    static final ZoneId CLINIC = ZoneId.of("Pacific/Kiritimati"); // UTC+14: the calendar date differs from UTC's

    @Autowired SessionService sessions;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired TestClock clock;
    @Autowired Fixtures fixtures;

    Fixtures.Person therapist;
    Fixtures.Couple theCouple;
    long couple;

    @BeforeEach
    void clinic_in_another_zone() {
        clock.zone(CLINIC);
        therapist = fixtures.therapist(fixtures.clinic("Line Islands Counselling"), "Dr. Jordan Reyes");
        theCouple = fixtures.couple(therapist, "Alex Morgan", "Samira Patel");
        couple = theCouple.id();
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void date_and_time_are_the_clinics_wall_clock_and_the_calendar_file_is_in_utc() {
        signIn.as(therapist.email());
        LocalDate date = LocalDate.now(clock).plusDays(10);

        long id = sessions.schedule(couple, new SessionData(date, LocalTime.of(9, 0), 60, Modality.IN_PERSON));

        Instant expected = date.atTime(9, 0).atZone(CLINIC).toInstant();
        assertThat(dsl.select(COUPLE_SESSION.STARTS_AT).from(COUPLE_SESSION).where(COUPLE_SESSION.ID.eq(id))
                .fetchSingle(COUPLE_SESSION.STARTS_AT).toInstant()).isEqualTo(expected);
        Session shown = sessions.list(couple).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        assertThat(shown.startsAt().getZone()).isEqualTo(CLINIC);
        assertThat(shown.startsAt().toLocalDateTime()).isEqualTo(date.atTime(9, 0));
        UpcomingSession scheduled = sessions.upcoming(0, 50).stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow();
        assertThat(scheduled.startsAt().getZone()).isEqualTo(CLINIC);
        assertThat(scheduled.startsAt().toLocalDateTime()).isEqualTo(date.atTime(9, 0));

        String ics = sessions.calendar(CalendarLabels.ENGLISH);
        VEvent event = Biweekly.parse(ics).first().getEvents().stream()
                .filter(e -> e.getUid().getValue().equals(UpcomingSession.uid(id))).findFirst().orElseThrow();
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(expected);
        // 09:00 at UTC+14 is 19:00 UTC on the day before.
        assertThat(ics).contains("DTSTART:" + date.minusDays(1).toString().replace("-", "") + "T190000Z");
    }

    @Test
    void a_partners_next_session_is_on_the_clinics_wall_clock() {
        signIn.as(therapist.email());
        LocalDate date = LocalDate.now(clock).plusDays(3);
        sessions.schedule(couple, new SessionData(date, LocalTime.of(9, 0), 50, Modality.VIDEO));
        signIn.out();

        signIn.as(theCouple.one().email());
        NextSession next = sessions.myNextSession().orElseThrow();
        assertThat(next.startsAt().getZone()).isEqualTo(CLINIC);
        assertThat(next.startsAt().toLocalDateTime()).isEqualTo(date.atTime(9, 0));
        assertThat(next.durationMinutes()).isEqualTo(50);
        assertThat(next.modality()).isEqualTo(Modality.VIDEO);
    }
}
