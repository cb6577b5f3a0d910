package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.ACCOUNT_ROLE;
import static org.tandem.jooq.Tables.SECOND_FACTOR;

import jakarta.servlet.Filter;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.EnumSet;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.audit.AuditFilter;
import org.tandem.audit.AuditLogService;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TotpCodes;

/**
 * Re-authentication (issue 12): changing roles, resetting someone's second factor and exporting the audit log are
 * refused by the services themselves, audited, once the passphrase was given more than 5 minutes ago; allowed right
 * after a sign-in and right after the passphrase is given again. Sign-ins go through the application's real
 * authentication provider on the test clock.
 */
@IntegrationTest
class ReauthenticationTest {

    static final Duration STALE = Duration.ofMinutes(5).plusSeconds(1);

    @Autowired Reauthentication reauthentication;
    @Autowired AccountService accounts;
    @Autowired SecondFactorService secondFactor;
    @Autowired AuditLogService auditLog;
    @Autowired SecurityContextHolderStrategy strategy;
    @Autowired SignInThrottle throttle;
    @Autowired @Qualifier("sessionCheckFilter") FilterRegistrationBean<? extends Filter> sessionCheck;
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    @Autowired DSLContext dsl;
    @Autowired TestClock clock;

    Person admin;
    Person therapist;
    byte[] therapistsSecret;

    @BeforeEach
    void a_clinic_whose_therapist_has_a_second_factor() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(clinic, "Morgan Ellis");
            therapist = fixtures.therapist(clinic, "Dr. Jordan Reyes");
        });
        therapistsSecret = signIn.during(therapist.email(), () -> {
            byte[] secret = TotpCodes.secret(secondFactor.startEnrolment().typedKey());
            secondFactor.confirmEnrolment(TotpCodes.code(secret, clock.instant()));
            return secret;
        });
        // A throttle count of this test's own, whatever other tests left behind from the same mock address.
        ((MockHttpServletRequest) ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest()).setRemoteAddr("198.51.100." + (admin.accountId() % 250 + 1));
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void right_after_signing_in_with_the_passphrase_the_three_acts_are_allowed() throws Exception {
        signIn.passphrase(admin.email());

        assertThat(reauthentication.fresh()).isTrue();
        changeRolesOfTherapist();
        secondFactor.resetFor(therapist.accountId());
        assertThat(auditLog.export(AuditFilter.NONE, new ByteArrayOutputStream())).isPositive();

        clock.advance(Duration.ofMinutes(5));
        assertThat(reauthentication.fresh()).as("five minutes exactly is still fresh").isTrue();
    }

    @Test
    void changing_roles_is_refused_when_the_passphrase_is_older_than_five_minutes_and_the_refusal_is_audited() {
        signIn.passphrase(admin.email());
        clock.advance(STALE);
        AuditTrail trail = AuditTrail.from(dsl);

        assertThatThrownBy(this::changeRolesOfTherapist).isInstanceOf(ReauthenticationRequiredException.class)
                .hasMessageContaining("reauthentication.error.required");

        assertThat(dsl.fetchValues(ACCOUNT_ROLE.ROLE, ACCOUNT_ROLE.ACCOUNT_ID.eq(therapist.accountId())))
                .containsExactly(Role.THERAPIST);
        assertDenied(trail, "roles of account " + therapist.accountId());
    }

    @Test
    void resetting_a_second_factor_is_refused_when_the_passphrase_is_older_than_five_minutes() {
        signIn.passphrase(admin.email());
        clock.advance(STALE);
        AuditTrail trail = AuditTrail.from(dsl);

        assertThatThrownBy(() -> secondFactor.resetFor(therapist.accountId()))
                .isInstanceOf(ReauthenticationRequiredException.class);

        assertThat(dsl.fetchExists(SECOND_FACTOR, SECOND_FACTOR.ACCOUNT_ID.eq(therapist.accountId()))).isTrue();
        assertDenied(trail, "reset of the second factor of account " + therapist.accountId());
    }

    @Test
    void exporting_the_audit_log_is_refused_when_the_passphrase_is_older_than_five_minutes_before_a_byte_is_written() {
        signIn.passphrase(admin.email());
        clock.advance(STALE);
        AuditTrail trail = AuditTrail.from(dsl);
        ByteArrayOutputStream file = new ByteArrayOutputStream();

        assertThatThrownBy(() -> auditLog.export(AuditFilter.NONE, file))
                .isInstanceOf(ReauthenticationRequiredException.class);

        assertThat(file.size()).isZero();
        assertThat(trail.since("audit.export")).isEmpty();
        assertDenied(trail, "audit log export");
    }

    @Test
    void a_session_that_never_gave_a_passphrase_by_this_application_is_refused_too() {
        signIn.as(admin.email());
        strategy.getContext().setAuthentication(org.springframework.security.authentication
                .UsernamePasswordAuthenticationToken.authenticated(CurrentUser.require(), null,
                        CurrentUser.require().getAuthorities()));

        assertThat(reauthentication.fresh()).isFalse();
        assertThatThrownBy(this::changeRolesOfTherapist).isInstanceOf(ReauthenticationRequiredException.class);
    }

    @Test
    void giving_the_passphrase_again_allows_the_three_acts_for_five_more_minutes() throws Exception {
        signIn.passphrase(admin.email());
        clock.advance(Duration.ofMinutes(30));
        AuditTrail trail = AuditTrail.from(dsl);

        reauthentication.confirm(Fixtures.PASSWORD);

        assertThat(reauthentication.fresh()).isTrue();
        changeRolesOfTherapist();
        secondFactor.resetFor(therapist.accountId());
        auditLog.export(AuditFilter.NONE, new ByteArrayOutputStream());
        assertThat(trail.since("auth.reauthenticate")).singleElement()
                .satisfies(row -> assertThat(row.getOutcome()).isEqualTo(Outcome.SUCCESS));
        assertThat(CurrentUser.require().hasRole(Role.ADMIN)).as("the roles stay as they were").isTrue();

        clock.advance(STALE);
        assertThatThrownBy(() -> secondFactor.resetFor(therapist.accountId()))
                .isInstanceOf(ReauthenticationRequiredException.class);
    }

    @Test
    void a_wrong_passphrase_is_refused_audited_and_leaves_the_session_stale() {
        signIn.passphrase(admin.email());
        clock.advance(STALE);
        AuditTrail trail = AuditTrail.from(dsl);

        assertThatThrownBy(() -> reauthentication.confirm("not my passphrase at all"))
                .isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("reauthentication.error.wrong-passphrase"));

        assertThat(reauthentication.fresh()).isFalse();
        assertThatThrownBy(this::changeRolesOfTherapist).isInstanceOf(ReauthenticationRequiredException.class);
        assertThat(trail.since("auth.reauthenticate")).singleElement().satisfies(row -> {
            assertThat(row.getOutcome()).isEqualTo(Outcome.FAILURE);
            assertThat(row.getActorAccountId()).isEqualTo(admin.accountId());
        });
    }

    @Test
    void five_wrong_passphrases_lock_the_account_and_then_the_right_one_fails_too() {
        signIn.passphrase(admin.email());
        clock.advance(STALE);
        AuditTrail trail = AuditTrail.from(dsl);

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> reauthentication.confirm("wrong passphrase number")).isInstanceOfSatisfying(
                    RefusedException.class, refused -> assertThat(refused.messageKey())
                            .isEqualTo("reauthentication.error.wrong-passphrase"));
        }
        assertLocked(() -> reauthentication.confirm("wrong passphrase number"));
        assertLocked(() -> reauthentication.confirm(Fixtures.PASSWORD));

        assertThat(reauthentication.fresh()).isFalse();
        assertThat(trail.since("auth.lock-out")).singleElement().satisfies(row -> {
            assertThat(row.getOutcome()).isEqualTo(Outcome.DENIED);
            assertThat(row.getSubjectId()).isEqualTo(admin.accountId());
        });
        assertThat(trail.since("auth.reauthenticate")).hasSize(6)
                .allSatisfy(row -> assertThat(row.getOutcome()).isEqualTo(Outcome.FAILURE));

        clock.advance(Duration.ofMinutes(15));
        reauthentication.confirm(Fixtures.PASSWORD);
        assertThat(reauthentication.fresh()).as("the lock ran out").isTrue();
    }

    @Test
    void after_the_code_step_the_passphrase_counts_from_when_it_was_given() {
        signIn.passphrase(therapist.email());
        clock.advance(Duration.ofMinutes(2));
        secondFactor.signIn(TotpCodes.code(therapistsSecret, clock.instant()));
        assertThat(CurrentUser.require().accountId()).isEqualTo(therapist.accountId());

        assertThat(reauthentication.fresh()).isTrue();
        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertThat(reauthentication.fresh()).isFalse();
    }

    @Test
    void a_change_of_roles_picked_up_by_the_per_request_check_keeps_when_the_passphrase_was_given() throws Exception {
        signIn.passphrase(admin.email());
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, strategy.getContext());
        session.setAttribute(SessionCheck.SIGNED_IN_AT, clock.instant());
        clock.advance(Duration.ofMinutes(1));
        dsl.insertInto(ACCOUNT_ROLE).set(ACCOUNT_ROLE.CLINIC_ID, admin.clinicId())
                .set(ACCOUNT_ROLE.ACCOUNT_ID, admin.accountId()).set(ACCOUNT_ROLE.ROLE, Role.THERAPIST).execute();

        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        sessionCheck.getFilter().doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        Authentication refreshed = ((SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).getAuthentication();
        assertThat(refreshed.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_THERAPIST", "FACTOR_PASSWORD");
        assertThat(Reauthentication.passphraseGivenAt(refreshed)).hasValue(clock.instant().minus(Duration.ofMinutes(1)));
    }

    // --- the throttle on checks made inside a session ---

    @Test
    void five_wrong_codes_at_the_sign_ins_code_step_lock_the_account_like_wrong_passphrases() {
        clock.advance(Duration.ofMinutes(1));
        signIn.passphrase(therapist.email());
        AuditTrail trail = AuditTrail.from(dsl);
        String right = TotpCodes.code(therapistsSecret, clock.instant());

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> secondFactor.signIn(TotpCodes.wrong(right))).isInstanceOfSatisfying(
                    RefusedException.class, refused -> assertThat(refused.messageKey())
                            .isEqualTo("second-factor.error.wrong-code"));
        }
        assertLocked(() -> secondFactor.signIn(TotpCodes.wrong(right)));
        assertLocked(() -> secondFactor.signIn(right));

        assertThat(strategy.getContext().getAuthentication()).isInstanceOf(PartialSignIn.class);
        assertThat(trail.since("auth.lock-out")).singleElement()
                .satisfies(row -> assertThat(row.getDetail()).contains("5 wrong passphrases or codes"));
        assertThat(trail.since("auth.second-factor-code")).hasSize(6)
                .allSatisfy(row -> assertThat(row.getOutcome()).isEqualTo(Outcome.FAILURE));
        assertThat(throttle.locked(Emails.normalise(therapist.email()), "203.0.113.77"))
                .as("the sign-in form is locked for the account as well: it is one throttle").isTrue();
    }

    @Test
    void five_wrong_current_passphrases_on_the_account_page_lock_the_account_and_the_right_one_fails_too() {
        signIn.passphrase(admin.email());
        AuditTrail trail = AuditTrail.from(dsl);

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> accounts.changePassword("wrong current one", MyAccountTest.NEW_PASSPHRASE))
                    .isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.messageKey())
                            .isEqualTo("account.error.wrong-passphrase"));
        }
        assertLocked(() -> accounts.changePassword("wrong current one", MyAccountTest.NEW_PASSPHRASE));
        assertLocked(() -> accounts.changePassword(Fixtures.PASSWORD, MyAccountTest.NEW_PASSPHRASE));

        assertThat(trail.since("account.password-change")).hasSize(6)
                .allSatisfy(row -> assertThat(row.getOutcome()).isEqualTo(Outcome.FAILURE));
        assertThat(trail.since("auth.lock-out")).hasSize(1);
    }

    @Test
    void five_wrong_proofs_when_removing_ones_own_second_factor_lock_the_account() {
        clock.advance(Duration.ofMinutes(1));
        signIn.as(therapist.email());

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> secondFactor.remove("not the passphrase")).isInstanceOf(RefusedException.class);
        }
        assertLocked(() -> secondFactor.remove(Fixtures.PASSWORD));
        assertLocked(() -> secondFactor.regenerateRecoveryCodes(Fixtures.PASSWORD));

        assertThat(dsl.fetchExists(SECOND_FACTOR, SECOND_FACTOR.ACCOUNT_ID.eq(therapist.accountId()))).isTrue();
    }

    @Test
    void a_right_answer_starts_the_count_again() {
        signIn.passphrase(admin.email());
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> reauthentication.confirm("wrong")).isInstanceOf(RefusedException.class);
        }
        reauthentication.confirm(Fixtures.PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> reauthentication.confirm("wrong")).isInstanceOfSatisfying(RefusedException.class,
                    refused -> assertThat(refused.messageKey()).isEqualTo("reauthentication.error.wrong-passphrase"));
        }
    }

    private void changeRolesOfTherapist() {
        accounts.changeRoles(therapist.accountId(), accounts.account(therapist.accountId()).version(),
                EnumSet.of(Role.THERAPIST, Role.ADMIN));
    }

    private static void assertLocked(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RefusedException.class, refused -> {
            assertThat(refused.messageKey()).isEqualTo("account.error.locked");
            assertThat(refused.args()).containsExactly(15L);
        });
    }

    @Test
    void setting_up_a_second_factor_and_ending_sessions_ask_for_a_stale_passphrase_too() {
        signIn.passphrase(admin.email());
        clock.advance(STALE);
        AuditTrail trail = AuditTrail.from(dsl);

        assertThatThrownBy(() -> secondFactor.startEnrolment()).as("a new authenticator")
                .isInstanceOf(ReauthenticationRequiredException.class);
        assertThat(dsl.fetchExists(SECOND_FACTOR, SECOND_FACTOR.ACCOUNT_ID.eq(admin.accountId()))).isFalse();
        assertThatThrownBy(() -> accounts.endClinicSessions()).as("every session of the clinic")
                .isInstanceOf(ReauthenticationRequiredException.class);
        java.util.UUID session = java.util.UUID.randomUUID();
        assertThatThrownBy(() -> accounts.endSession(session)).as("one of my sessions")
                .isInstanceOf(ReauthenticationRequiredException.class);
        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail().split(":")[0])
                .containsExactly("second factor set-up", "every session of the clinic", "session " + session);

        reauthentication.confirm(Fixtures.PASSWORD);
        assertThat(secondFactor.startEnrolment().typedKey()).isNotBlank();
        assertThat(accounts.endClinicSessions()).isNotNegative();
    }

    private void assertDenied(AuditTrail trail, String what) {
        assertThat(trail.since("access.denied")).singleElement().satisfies(row -> {
            assertThat(row.getOutcome()).isEqualTo(Outcome.DENIED);
            assertThat(row.getActorAccountId()).isEqualTo(admin.accountId());
            assertThat(row.getDetail()).startsWith(what + ": passphrase last given more than 5 min ago");
        });
    }
}
