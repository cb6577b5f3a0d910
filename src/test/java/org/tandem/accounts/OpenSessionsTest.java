package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ACCOUNT_SESSION;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpSessionEvent;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.jooq.tables.records.AccountSessionRecord;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/**
 * Open sessions (ASVS 5.0 V7.5.2, V7.3.2, V7.4.5; docs/decisions/023-sign-in-security.md): each signed-in session is a
 * row with its id hashed; a person lists and ends their own; a session ends at its next request once its row is ended
 * or it is 12 hours old; an admin ends every session of their clinic but their own. Sessions go through the real
 * per-request filter.
 */
@IntegrationTest
class OpenSessionsTest {

    @Autowired AccountService accounts;
    @Autowired AccountSessions accountSessions;
    @Autowired UserDetailsService users;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired TestClock clock;
    @Autowired @Qualifier("sessionCheckFilter") FilterRegistrationBean<? extends Filter> sessionCheck;

    SessionRequests sessions;
    Person admin;
    Person therapist;
    Person colleague;
    Couple couple;
    Person otherAdmin;
    Person otherTherapist;

    @BeforeEach
    void two_clinics() {
        sessions = new SessionRequests(users, clock, sessionCheck.getFilter());
        fixtures.committed(() -> {
            Clinic riverside = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(riverside, "Morgan Ellis");
            therapist = fixtures.therapist(riverside, "Dr. Jordan Reyes");
            colleague = fixtures.therapist(riverside, "Priya Nair");
            couple = fixtures.couple(therapist, "Alex Morgan", "Samira Patel");
            Clinic northside = fixtures.clinic("Northside Counselling");
            otherAdmin = fixtures.admin(northside, "Dana Office");
            otherTherapist = fixtures.therapist(northside, "Dr. Sam Okafor");
        });
    }

    @AfterEach
    void sign_out() {
        signIn.out();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void a_sessions_first_request_writes_its_row_with_the_session_id_hashed_never_the_raw_id() throws Exception {
        MockHttpSession session = sessions.seen(therapist.email());

        AccountSessionRecord row = rowOf(session);
        assertThat(row.getAccountId()).isEqualTo(therapist.accountId());
        assertThat(row.getClinicId()).isEqualTo(therapist.clinicId());
        assertThat(row.getSessionIdHash()).isEqualTo(LinkToken.hash(session.getId()))
                .isNotEqualTo(session.getId()).hasSize(64);
        assertThat(dsl.fetchCount(ACCOUNT_SESSION, ACCOUNT_SESSION.SESSION_ID_HASH.eq(session.getId())
                .or(ACCOUNT_SESSION.ADDRESS.eq(session.getId())).or(ACCOUNT_SESSION.BROWSER.eq(session.getId()))))
                .isZero();
        assertThat(row.getSignedInAt().toInstant()).isEqualTo(clock.instant());
        assertThat(row.getAddress()).isEqualTo("198.51.100.7");
        assertThat(row.getBrowser()).isEqualTo("Firefox on Windows");
        assertThat(row.getEndedAt()).isNull();
    }

    @Test
    void last_activity_is_written_at_most_once_a_minute() throws Exception {
        MockHttpSession session = sessions.seen(therapist.email());

        clock.advance(Duration.ofSeconds(30));
        sessions.check(session);
        assertThat(rowOf(session).getLastSeenAt().toInstant()).isEqualTo(TestClock.START);
        clock.advance(Duration.ofSeconds(31));
        sessions.check(session);
        assertThat(rowOf(session).getLastSeenAt().toInstant()).isEqualTo(clock.instant());
    }

    @Test
    void a_person_lists_only_their_own_open_sessions_with_this_one_marked() throws Exception {
        MockHttpSession here = sessions.seen(therapist.email());
        clock.advance(Duration.ofMinutes(2));
        MockHttpSession elsewhere = sessions.seen(therapist.email());
        sessions.seen(colleague.email());
        sessions.seen(couple.one().email());
        sessions.seen(otherTherapist.email());
        MockHttpSession ended = sessions.seen(therapist.email());
        accountSessions.sessionDestroyed(new HttpSessionEvent(ended)); // signed out

        List<OpenSession> mine = asThe(therapist, here, () -> accounts.mySessions());

        assertThat(mine).extracting(OpenSession::publicId)
                .containsExactly(rowOf(elsewhere).getPublicId(), rowOf(here).getPublicId());
        assertThat(mine).extracting(OpenSession::current).containsExactly(false, true);
        assertThat(mine).allSatisfy(open -> {
            assertThat(open.browser()).isEqualTo("Firefox on Windows");
            assertThat(open.address()).isEqualTo("198.51.100.7");
        });
        assertThat(rowOf(ended).getEndedAt()).isNotNull();
    }

    @Test
    void ending_one_session_ends_exactly_that_one_at_its_next_request() throws Exception {
        MockHttpSession here = sessions.seen(therapist.email());
        MockHttpSession laptop = sessions.seen(therapist.email());
        MockHttpSession phone = sessions.seen(therapist.email());
        MockHttpSession colleagues = sessions.seen(colleague.email());
        UUID laptopId = rowOf(laptop).getPublicId();
        AuditTrail trail = AuditTrail.from(dsl);

        asThe(therapist, here, () -> {
            accounts.endSession(laptopId);
            return null;
        });

        assertThat(sessions.check(laptop).getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(laptop.isInvalid()).isTrue();
        for (MockHttpSession going : List.of(here, phone, colleagues)) {
            assertThat(sessions.check(going).getRedirectedUrl()).isNull();
            assertThat(going.isInvalid()).isFalse();
        }
        assertThat(trail.since("account.session-end")).singleElement().satisfies(row -> {
            assertThat(row.getActorAccountId()).isEqualTo(therapist.accountId());
            assertThat(row.getDetail()).isEqualTo("session " + laptopId);
        });
        assertThat(trail.since("auth.session-ended")).singleElement()
                .satisfies(row -> assertThat(row.getDetail()).isEqualTo("session ended"));
    }

    @Test
    void nobody_ends_a_session_of_another_account_or_clinic() throws Exception {
        MockHttpSession colleagues = sessions.seen(colleague.email());
        MockHttpSession northside = sessions.seen(otherTherapist.email());
        signIn.as(therapist.email());
        AuditTrail trail = AuditTrail.from(dsl);

        for (MockHttpSession theirs : List.of(colleagues, northside)) {
            assertThatThrownBy(() -> accounts.endSession(rowOf(theirs).getPublicId()))
                    .isInstanceOf(AccessDeniedException.class);
        }
        signIn.as(admin.email());
        assertThatThrownBy(() -> accounts.endSession(rowOf(colleagues).getPublicId()))
                .as("an admin ends a colleague's sessions on the user's page, all at once")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.endSession(UUID.randomUUID())).isInstanceOf(AccessDeniedException.class);

        assertThat(sessions.check(colleagues).getRedirectedUrl()).isNull();
        assertThat(sessions.check(northside).getRedirectedUrl()).isNull();
        assertThat(trail.since("access.denied")).hasSize(4)
                .allSatisfy(row -> assertThat(row.getDetail()).contains("not an open session of theirs"));
    }

    @Test
    void an_active_session_ends_twelve_hours_after_its_sign_in_and_not_before() throws Exception {
        MockHttpSession session = sessions.seen(therapist.email());
        AuditTrail trail = AuditTrail.from(dsl);

        for (int step = 1; step < 12 * 6; step++) { // a request every 10 minutes
            clock.advance(Duration.ofMinutes(10));
            assertThat(sessions.check(session).getRedirectedUrl()).as("after %d minutes", step * 10).isNull();
        }
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(sessions.check(session).getRedirectedUrl()).as("11 h 59 min 59 s").isNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sessions.check(session).getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(session.isInvalid()).isTrue();
        assertThat(trail.since("auth.session-ended")).singleElement()
                .satisfies(row -> assertThat(row.getDetail()).isEqualTo("session lifetime reached"));
    }

    @Test
    void a_new_passphrase_does_not_lengthen_the_sessions_lifetime() throws Exception {
        MockHttpSession session = sessions.seen(therapist.email());
        clock.advance(Duration.ofHours(6));
        asThe(therapist, session, () -> {
            accounts.changePassword(Fixtures.PASSWORD, MyAccountTest.NEW_PASSPHRASE);
            return null;
        });

        clock.advance(Duration.ofHours(6));

        assertThat(sessions.check(session).getRedirectedUrl()).isEqualTo("/login?expired");
    }

    @Test
    void the_clinic_wide_end_spares_the_other_clinic_and_the_admins_own_session() throws Exception {
        MockHttpSession here = sessions.seen(admin.email());
        MockHttpSession adminsLaptop = sessions.seen(admin.email());
        MockHttpSession therapists = sessions.seen(therapist.email());
        MockHttpSession colleagues = sessions.signedIn(colleague.email()); // not seen yet: no row
        MockHttpSession partners = sessions.seen(couple.one().email());
        MockHttpSession northside = sessions.seen(otherTherapist.email());
        MockHttpSession northsideAdmin = sessions.seen(otherAdmin.email());
        clock.advance(Duration.ofMinutes(1));
        AuditTrail trail = AuditTrail.from(dsl);

        int ended = asThe(admin, here, () -> accounts.endClinicSessions());

        assertThat(ended).isEqualTo(3);
        for (MockHttpSession gone : List.of(adminsLaptop, therapists, colleagues, partners)) {
            assertThat(sessions.check(gone).getRedirectedUrl()).isEqualTo("/login?ended");
        }
        for (MockHttpSession kept : List.of(here, northside, northsideAdmin)) {
            assertThat(sessions.check(kept).getRedirectedUrl()).isNull();
        }
        assertThat(dsl.fetchCount(ACCOUNT, ACCOUNT.CLINIC_ID.eq(otherAdmin.clinicId())
                .and(ACCOUNT.SESSIONS_VALID_AFTER.isNotNull()))).isZero();
        assertThat(trail.since("clinic.sessions-end")).singleElement().satisfies(row -> {
            assertThat(row.getActorAccountId()).isEqualTo(admin.accountId());
            assertThat(row.getSubjectId()).isEqualTo(admin.clinicId());
            assertThat(row.getOutcome()).isEqualTo(Outcome.SUCCESS);
        });
    }

    @Test
    void a_therapist_or_a_partner_cannot_end_the_clinics_sessions() throws Exception {
        MockHttpSession admins = sessions.seen(admin.email());
        MockHttpSession colleagues = sessions.seen(colleague.email());
        clock.advance(Duration.ofMinutes(1));
        AuditTrail trail = AuditTrail.from(dsl);

        for (String email : List.of(therapist.email(), couple.one().email())) {
            signIn.as(email);
            assertThatThrownBy(() -> accounts.endClinicSessions()).isInstanceOf(AccessDeniedException.class);
        }

        assertThat(sessions.check(admins).getRedirectedUrl()).isNull();
        assertThat(sessions.check(colleagues).getRedirectedUrl()).isNull();
        assertThat(dsl.fetchCount(ACCOUNT, ACCOUNT.CLINIC_ID.eq(admin.clinicId())
                .and(ACCOUNT.SESSIONS_VALID_AFTER.isNotNull()))).isZero();
        assertThat(trail.since("clinic.sessions-end")).isEmpty();
        assertThat(trail.since("access.denied")).hasSize(2);
    }

    @Test
    void an_admin_sees_a_users_open_sessions_but_not_another_clinics() throws Exception {
        sessions.seen(therapist.email());
        signIn.as(admin.email());

        assertThat(accounts.sessionsOf(therapist.accountId())).singleElement()
                .satisfies(open -> assertThat(open.current()).isFalse());
        assertThatThrownBy(() -> accounts.sessionsOf(otherTherapist.accountId()))
                .isInstanceOf(AccessDeniedException.class);
        signIn.as(colleague.email());
        assertThatThrownBy(() -> accounts.sessionsOf(therapist.accountId()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void signing_out_everywhere_and_a_new_passphrase_end_the_rows_too() throws Exception {
        MockHttpSession here = sessions.seen(therapist.email());
        MockHttpSession elsewhere = sessions.seen(therapist.email());
        clock.advance(Duration.ofMinutes(1));

        asThe(therapist, here, () -> {
            accounts.changePassword(Fixtures.PASSWORD, MyAccountTest.NEW_PASSPHRASE);
            return null;
        });
        assertThat(rowOf(here).getEndedAt()).isNull();
        assertThat(rowOf(elsewhere).getEndedAt()).isNotNull();

        signIn.as(therapist.email());
        accounts.endSessions(therapist.accountId());
        assertThat(rowOf(here).getEndedAt()).isNotNull();
    }

    /** Calls the service as the person, from the request of {@code session}. */
    private <T> T asThe(Person person, MockHttpSession session, java.util.function.Supplier<T> call) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(SessionRequests.request(session)));
        signIn.as(person.email());
        return call.get();
    }

    private AccountSessionRecord rowOf(MockHttpSession session) {
        return dsl.fetchSingle(ACCOUNT_SESSION, ACCOUNT_SESSION.ID.eq((Long) session.getAttribute(AccountSessions.ROW)));
    }
}
