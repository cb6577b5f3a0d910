package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.ACCOUNT;

import jakarta.servlet.Filter;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/**
 * Everyone's own account, as the Account page uses it: the name, the passphrase, signing out everywhere, and who may
 * end whose sessions. Sessions are checked by the real per-request filter, given sessions as the container keeps them.
 */
@IntegrationTest
class MyAccountTest {

    static final String NEW_PASSPHRASE = "lantern orchard velvet migration";

    /** Method security's answer to a call without anyone signed in. */
    @SuppressWarnings("unchecked")
    static final Class<? extends Throwable>[] NOT_SIGNED_IN = new Class[] {AccessDeniedException.class,
            AuthenticationCredentialsNotFoundException.class};

    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired TestClock clock;
    @Autowired @Qualifier("sessionCheckFilter") FilterRegistrationBean<? extends Filter> sessionCheck;

    Person admin;
    Person therapist;
    Person colleague;
    Person otherAdmin;

    @BeforeEach
    void two_clinics() {
        fixtures.committed(() -> {
            Clinic riverside = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(riverside, "Morgan Ellis");
            therapist = fixtures.therapist(riverside, "Dr. Jordan Reyes");
            colleague = fixtures.therapist(riverside, "Priya Nair");
            otherAdmin = fixtures.admin(fixtures.clinic("Northside Counselling"), "Dana Office");
        });
    }

    @AfterEach
    void sign_out() {
        signIn.out();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void a_person_renames_themselves_and_a_stale_version_is_refused() {
        signIn.as(therapist.email());
        MyAccount me = accounts.myAccount();

        MyAccount renamed = accounts.rename(new AccountName("  Dr. Jordan Reyes-Hart "), me.version());

        assertThat(renamed.displayName()).isEqualTo("Dr. Jordan Reyes-Hart");
        assertThat(renamed.version()).isEqualTo(me.version() + 1);
        assertThatThrownBy(() -> accounts.rename(new AccountName("Jordan"), me.version()))
                .isInstanceOf(StaleVersionException.class);
        assertThat(accounts.myAccount().displayName()).isEqualTo("Dr. Jordan Reyes-Hart");
        assertThat(nameOf(colleague)).isEqualTo("Priya Nair");
    }

    @Test
    void a_blank_or_too_long_name_is_refused_and_nothing_changes() {
        signIn.as(therapist.email());
        int version = accounts.myAccount().version();

        assertThatThrownBy(() -> accounts.rename(new AccountName("  "), version))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> accounts.rename(new AccountName("x".repeat(201)), version))
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(nameOf(therapist)).isEqualTo("Dr. Jordan Reyes");
    }

    @Test
    void a_wrong_current_passphrase_is_refused_audited_and_changes_nothing() {
        signIn.as(therapist.email());
        AuditTrail trail = AuditTrail.from(dsl);

        assertThatThrownBy(() -> accounts.changePassword("not-my-passphrase-at-all", NEW_PASSPHRASE))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("account.error.wrong-passphrase"));

        assertThat(passwordEncoder.matches(Fixtures.PASSWORD, hashOf(therapist))).isTrue();
        assertThat(trail.since("account.password-change")).singleElement()
                .satisfies(row -> assertThat(row.getOutcome()).isEqualTo(Outcome.FAILURE));
    }

    @Test
    void a_weak_new_passphrase_is_refused_by_the_policy() {
        signIn.as(therapist.email());

        assertThatThrownBy(() -> accounts.changePassword(Fixtures.PASSWORD, "short"))
                .isInstanceOfSatisfying(PasswordRejectedException.class,
                        rejected -> assertThat(rejected.check().problem()).isEqualTo(PasswordCheck.Problem.TOO_SHORT));
        assertThatThrownBy(() -> accounts.changePassword(Fixtures.PASSWORD, "password password password"))
                .isInstanceOfSatisfying(PasswordRejectedException.class, rejected -> assertThat(
                        rejected.check().problem()).isEqualTo(PasswordCheck.Problem.TOO_EASY_TO_GUESS));
        assertThat(passwordEncoder.matches(Fixtures.PASSWORD, hashOf(therapist))).isTrue();
    }

    @Test
    void a_new_passphrase_ends_the_other_sessions_and_keeps_this_one() throws Exception {
        MockHttpSession here = signedInSession(therapist);
        MockHttpSession elsewhere = signedInSession(therapist);
        clock.advance(Duration.ofMinutes(5));

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request(here)));
        signIn.as(therapist.email());
        accounts.changePassword(Fixtures.PASSWORD, NEW_PASSPHRASE);

        assertThat(passwordEncoder.matches(NEW_PASSPHRASE, hashOf(therapist))).isTrue();
        assertThat(check(here).getRedirectedUrl()).isNull();
        assertThat(here.isInvalid()).isFalse();
        assertThat(check(elsewhere).getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(elsewhere.isInvalid()).isTrue();
    }

    @Test
    void signing_out_everywhere_ends_every_session_of_the_account_and_no_one_elses() throws Exception {
        MockHttpSession one = signedInSession(therapist);
        MockHttpSession two = signedInSession(therapist);
        MockHttpSession colleagues = signedInSession(colleague);
        clock.advance(Duration.ofMinutes(1));
        signIn.as(therapist.email());
        AuditTrail trail = AuditTrail.from(dsl);

        accounts.endSessions(therapist.accountId());

        assertThat(check(one).getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(check(two).getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(check(colleagues).getRedirectedUrl()).isNull();
        assertThat(trail.since()).extracting(row -> row.getAction())
                .containsExactly("account.sessions-end", "auth.session-ended", "auth.session-ended");
    }

    @Test
    void an_admin_ends_a_colleagues_sessions() throws Exception {
        MockHttpSession colleagues = signedInSession(colleague);
        clock.advance(Duration.ofMinutes(1));
        signIn.as(admin.email());

        accounts.endSessions(colleague.accountId());

        assertThat(check(colleagues).getRedirectedUrl()).isEqualTo("/login?ended");
    }

    @Test
    void a_therapist_cannot_end_a_colleagues_sessions() throws Exception {
        MockHttpSession colleagues = signedInSession(colleague);
        clock.advance(Duration.ofMinutes(1));
        signIn.as(therapist.email());
        AuditTrail trail = AuditTrail.from(dsl);

        assertThatThrownBy(() -> accounts.endSessions(colleague.accountId()))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(check(colleagues).getRedirectedUrl()).isNull();
        assertThat(trail.since("access.denied")).singleElement()
                .satisfies(row -> assertThat(row.getDetail()).contains("not their own account"));
    }

    @Test
    void an_admin_of_another_clinic_cannot_end_an_accounts_sessions() throws Exception {
        MockHttpSession therapists = signedInSession(therapist);
        clock.advance(Duration.ofMinutes(1));
        signIn.as(otherAdmin.email());
        AuditTrail trail = AuditTrail.from(dsl);

        assertThatThrownBy(() -> accounts.endSessions(therapist.accountId()))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(check(therapists).getRedirectedUrl()).isNull();
        assertThat(dsl.fetchValue(ACCOUNT.SESSIONS_VALID_AFTER, ACCOUNT.ID.eq(therapist.accountId()))).isNull();
        assertThat(trail.since("access.denied")).singleElement()
                .satisfies(row -> assertThat(row.getDetail()).contains("not in the clinic"));
    }

    @Test
    void nobody_signed_in_reaches_the_account_services() {
        signIn.out();
        assertThatThrownBy(() -> accounts.myAccount()).isInstanceOfAny(NOT_SIGNED_IN);
        assertThatThrownBy(() -> accounts.endSessions(therapist.accountId())).isInstanceOfAny(NOT_SIGNED_IN);
        assertThatThrownBy(() -> accounts.changePassword(Fixtures.PASSWORD, NEW_PASSPHRASE))
                .isInstanceOfAny(NOT_SIGNED_IN);
        assertThat(passwordEncoder.matches(Fixtures.PASSWORD, hashOf(therapist))).isTrue();
    }

    @Test
    void a_deactivated_account_loses_its_session_and_changed_roles_count_at_once() throws Exception {
        MockHttpSession colleagues = signedInSession(colleague);
        MockHttpSession therapists = signedInSession(therapist);

        dsl.update(org.tandem.jooq.Tables.ACCOUNT_ROLE).set(org.tandem.jooq.Tables.ACCOUNT_ROLE.ROLE, Role.ADMIN)
                .where(org.tandem.jooq.Tables.ACCOUNT_ROLE.ACCOUNT_ID.eq(colleague.accountId())).execute();
        dsl.update(ACCOUNT).set(ACCOUNT.ACTIVE, false).where(ACCOUNT.ID.eq(therapist.accountId())).execute();

        assertThat(check(colleagues).getRedirectedUrl()).isNull();
        assertThat(((SecurityContextImpl) colleagues.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).getAuthentication().getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_ADMIN");
        assertThat(check(therapists).getRedirectedUrl()).isEqualTo("/login?ended");
    }

    private MockHttpSession signedInSession(Person person) {
        return sessions().signedIn(person.email());
    }

    private static MockHttpServletRequest request(MockHttpSession session) {
        return SessionRequests.request(session);
    }

    private MockHttpServletResponse check(MockHttpSession session) throws Exception {
        return sessions().check(session);
    }

    private SessionRequests sessions() {
        return new SessionRequests(users, clock, sessionCheck.getFilter());
    }

    private String nameOf(Person person) {
        return dsl.fetchValue(ACCOUNT.DISPLAY_NAME, ACCOUNT.ID.eq(person.accountId()));
    }

    private String hashOf(Person person) {
        return dsl.fetchValue(ACCOUNT.PASSWORD_HASH, ACCOUNT.ID.eq(person.accountId()));
    }
}
