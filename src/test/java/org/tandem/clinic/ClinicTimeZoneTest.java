package org.tandem.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.COUPLE_SESSION;

import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.caseload.CaseloadService;
import org.tandem.sessions.Modality;
import org.tandem.sessions.SessionData;
import org.tandem.sessions.SessionService;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TestModules;

/**
 * Issue 12: each clinic has its own time zone. Two clinics half a world apart (Tokyo, UTC+9, and Honolulu, UTC−10;
 * neither has summer time) look at the same instant while the installation's zone is a third, the test clock's
 * Berlin: each sees its own wall-clock time and its own "today".
 */
@IntegrationTest
class ClinicTimeZoneTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId HONOLULU = ZoneId.of("Pacific/Honolulu");
    /** 00:30 on Thursday 11 June in Tokyo; 05:30 on Wednesday 10 June in Honolulu; 17:30 on the 10th in Berlin. */
    static final Instant JUST_AFTER_MIDNIGHT_IN_TOKYO = ZonedDateTime.of(2026, 6, 11, 0, 30, 0, 0, TOKYO).toInstant();
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 6, 10);

    @Autowired ClinicTime time;
    @Autowired ClinicService clinics;
    @Autowired CaseloadService caseload;
    @Autowired SessionService sessions;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired TestClock clock;
    @Autowired DSLContext dsl;

    Fixtures.Person tokyoAdmin;
    Fixtures.Person tokyoTherapist;
    Fixtures.Person honoluluTherapist;
    Fixtures.Couple tokyoCouple;
    Fixtures.Couple honoluluCouple;

    @BeforeEach
    void two_clinics_half_a_world_apart() {
        Fixtures.Clinic tokyo = fixtures.clinic("Harbour Counselling", TOKYO);
        Fixtures.Clinic honolulu = fixtures.clinic("Island Counselling", HONOLULU);
        tokyoAdmin = fixtures.admin(tokyo, "Morgan Ellis");
        tokyoTherapist = fixtures.therapist(tokyo, "Dr. Jordan Reyes");
        honoluluTherapist = fixtures.therapist(honolulu, "Priya Nair");
        tokyoCouple = fixtures.couple(tokyoTherapist, "Alex Morgan", "Samira Patel");
        honoluluCouple = fixtures.couple(honoluluTherapist, "Mateo Silva", "Luke Bennett");
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void the_same_instant_is_another_wall_clock_time_and_day_in_each_clinic() {
        clock.set(JUST_AFTER_MIDNIGHT_IN_TOKYO);

        signIn.as(tokyoTherapist.email());
        assertThat(time.zone()).isEqualTo(TOKYO);
        assertThat(time.today()).isEqualTo(WEDNESDAY.plusDays(1));
        assertThat(time.format(Locale.UK).dateTime(JUST_AFTER_MIDNIGHT_IN_TOKYO)).isEqualTo("11 Jun 2026, 00:30");

        signIn.as(honoluluTherapist.email());
        assertThat(time.zone()).isEqualTo(HONOLULU);
        assertThat(time.today()).isEqualTo(WEDNESDAY);
        assertThat(time.format(Locale.UK).dateTime(JUST_AFTER_MIDNIGHT_IN_TOKYO)).isEqualTo("10 Jun 2026, 05:30");

        signIn.out();
        assertThat(time.zone()).as("nobody signed in: the installation's zone").isEqualTo(TestClock.ZONE);
        assertThat(time.today(tokyoTherapist.clinicId())).isEqualTo(WEDNESDAY.plusDays(1));
        assertThat(time.format(honoluluTherapist.clinicId(), Locale.UK).time(JUST_AFTER_MIDNIGHT_IN_TOKYO))
                .isEqualTo("05:30");
    }

    @Test
    void a_clinic_without_a_zone_of_its_own_follows_the_installations() {
        Fixtures.Person elsewhere = fixtures.therapist(fixtures.clinic("Riverside Counselling"), "Dr. Sam Okafor");
        signIn.as(elsewhere.email());
        assertThat(time.zone()).isEqualTo(TestClock.ZONE);

        clock.zone(ZoneId.of("Pacific/Kiritimati"));

        assertThat(time.zone()).isEqualTo(ZoneId.of("Pacific/Kiritimati"));
        assertThat(time.zone(tokyoTherapist.clinicId())).isEqualTo(TOKYO);
    }

    @Test
    void a_module_due_on_wednesday_is_overdue_in_tokyo_and_not_yet_in_honolulu() {
        long tokyoModule = TestModules.publish(dsl, tokyoTherapist.email(), TestModules.everyKind("Listening"));
        long honoluluModule = TestModules.publish(dsl, honoluluTherapist.email(), TestModules.everyKind("Listening"));
        fixtures.assignment(tokyoTherapist, tokyoCouple, tokyoModule, WEDNESDAY);
        fixtures.assignment(honoluluTherapist, honoluluCouple, honoluluModule, WEDNESDAY);

        clock.set(JUST_AFTER_MIDNIGHT_IN_TOKYO);

        signIn.as(tokyoTherapist.email());
        assertThat(caseload.page(0, 10).getFirst().overdueModules()).isEqualTo(1);
        signIn.as(honoluluTherapist.email());
        assertThat(caseload.page(0, 10).getFirst().overdueModules()).isZero();
    }

    @Test
    void due_today_means_today_in_the_therapists_clinic_when_the_installation_is_already_a_day_ahead() {
        long module = TestModules.publish(dsl, honoluluTherapist.email(), TestModules.everyKind("Listening"));
        clock.set(ZonedDateTime.of(2026, 6, 10, 14, 0, 0, 0, HONOLULU).toInstant()); // 02:00 on the 11th in Berlin

        fixtures.assignment(honoluluTherapist, honoluluCouple, module, WEDNESDAY);

        signIn.as(honoluluTherapist.email());
        assertThat(caseload.page(0, 10).getFirst().overdueModules()).isZero();
        assertThatThrownBy(() -> fixtures.assignment(honoluluTherapist, honoluluCouple, module, WEDNESDAY.minusDays(1)))
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void a_session_is_entered_at_the_wall_clock_time_of_the_therapists_clinic() {
        LocalDate friday = WEDNESDAY.plusDays(2);
        SessionData nineOClock = new SessionData(friday, LocalTime.of(9, 0), 50, Modality.IN_PERSON);

        long inTokyo = signIn.during(tokyoTherapist.email(), () -> sessions.schedule(tokyoCouple.id(), nineOClock));
        long inHonolulu = signIn.during(honoluluTherapist.email(),
                () -> sessions.schedule(honoluluCouple.id(), nineOClock));

        assertThat(startsAt(inTokyo)).isEqualTo(friday.atTime(9, 0).atZone(TOKYO).toInstant());
        assertThat(startsAt(inHonolulu)).isEqualTo(friday.atTime(9, 0).atZone(HONOLULU).toInstant());
        signIn.as(tokyoTherapist.email());
        assertThat(sessions.list(tokyoCouple.id()).getFirst().startsAt().toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void a_changed_zone_takes_effect_on_the_next_screen_and_is_audited() {
        clock.set(JUST_AFTER_MIDNIGHT_IN_TOKYO);
        signIn.as(tokyoTherapist.email());
        assertThat(time.today()).isEqualTo(WEDNESDAY.plusDays(1)); // read, and so cached

        signIn.as(tokyoAdmin.email());
        AuditTrail trail = AuditTrail.from(dsl);
        VersionedProfile before = clinics.profile();
        assertThat(before.profile().timeZone()).isEqualTo("Asia/Tokyo");
        ClinicProfile moved = new ClinicProfile(before.profile().clinicName(), before.profile().idleTimeoutMinutes(),
                before.profile().invitationValidDays(), "America/New_York");
        assertThat(clinics.updateProfile(before.version(), moved).profile().timeZone()).isEqualTo("America/New_York");

        signIn.as(tokyoTherapist.email());
        assertThat(time.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(time.today()).isEqualTo(WEDNESDAY);
        assertThat(trail.since("clinic.policies-changed")).singleElement()
                .satisfies(row -> assertThat(row.getDetail()).contains("time zone Asia/Tokyo -> America/New_York"));

        signIn.as(tokyoAdmin.email());
        VersionedProfile now = clinics.profile();
        clinics.updateProfile(now.version(), new ClinicProfile(moved.clinicName(), moved.idleTimeoutMinutes(),
                moved.invitationValidDays(), null));
        assertThat(time.zone()).as("no zone of its own: the installation's again").isEqualTo(TestClock.ZONE);
    }

    @Test
    void an_unknown_zone_or_a_bare_offset_is_refused_and_changes_nothing() {
        signIn.as(tokyoAdmin.email());
        VersionedProfile before = clinics.profile();
        for (String wrong : List.of("Mars/Olympus_Mons", "+02:00", "europe/berlin")) {
            assertThatThrownBy(() -> clinics.updateProfile(before.version(),
                    new ClinicProfile("Harbour Counselling", 15, 7, wrong)))
                    .isInstanceOf(ConstraintViolationException.class)
                    .hasMessageContaining("Choose a time zone from the list");
        }
        assertThat(storedZone(tokyoAdmin.clinicId())).isEqualTo("Asia/Tokyo");
        assertThat(time.zone()).isEqualTo(TOKYO);
        assertThatThrownBy(() -> dsl.update(CLINIC).set(CLINIC.TIME_ZONE, "Europe/Berlin; drop table clinic")
                .where(CLINIC.ID.eq(tokyoAdmin.clinicId())).execute())
                .as("the column's shape is checked too").isInstanceOf(DataAccessException.class);
    }

    @Test
    void a_therapist_cannot_read_or_change_the_clinics_zone() {
        // committed: a refusal's audit row is written in a transaction of its own, which must see the clinic
        Fixtures.Person[] therapist = new Fixtures.Person[1];
        fixtures.committed(() -> therapist[0] = fixtures.therapist(fixtures.clinic("Harbour Counselling", TOKYO),
                "Dr. Jordan Reyes"));
        signIn.as(therapist[0].email());

        assertThatThrownBy(() -> clinics.profile()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clinics.updateProfile(0, new ClinicProfile("Harbour Counselling", 15, 7, "UTC")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(storedZone(therapist[0].clinicId())).isEqualTo("Asia/Tokyo");
    }

    private String storedZone(long clinicId) {
        return dsl.select(CLINIC.TIME_ZONE).from(CLINIC).where(CLINIC.ID.eq(clinicId)).fetchSingle(CLINIC.TIME_ZONE);
    }

    private Instant startsAt(long sessionId) {
        return dsl.select(COUPLE_SESSION.STARTS_AT).from(COUPLE_SESSION).where(COUPLE_SESSION.ID.eq(sessionId))
                .fetchSingle(COUPLE_SESSION.STARTS_AT).toInstant();
    }
}
