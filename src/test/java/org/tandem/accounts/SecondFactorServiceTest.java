package org.tandem.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.RECOVERY_CODE;
import static org.tandem.jooq.Tables.SECOND_FACTOR;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tandem.clinic.ClinicService;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TotpCodes;

/**
 * The second factor end to end below the views: codes are computed with the same library (java-otp) on the test
 * clock, sign-ins go through the application's real authentication provider.
 */
@IntegrationTest
class SecondFactorServiceTest {

    @Autowired SecondFactorService secondFactor;
    @Autowired AccountService accountService;
    @Autowired ClinicService clinicService;
    @Autowired SecurityContextHolderStrategy strategy;
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    @Autowired DSLContext dsl;
    @Autowired TestClock clock;

    Person admin;
    Person therapist;
    Couple couple;
    Person otherAdmin;
    Person otherTherapist;

    @BeforeEach
    void two_clinics() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(clinic, "Morgan Ellis");
            therapist = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            couple = fixtures.couple(therapist, "Alex Morgan", "Samira Patel");
            Clinic other = fixtures.clinic("Northside Counselling");
            otherAdmin = fixtures.admin(other, "Dana Office");
            otherTherapist = fixtures.therapist(other, "Lee Park");
        });
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    // --- enrolment ---

    @Test
    void a_therapist_enrols_with_a_code_of_her_app_and_receives_ten_recovery_codes_stored_hashed() {
        signIn.as(therapist.email());
        AuditTrail trail = AuditTrail.from(dsl);

        Enrolment enrolment = secondFactor.startEnrolment();
        assertThat(secondFactor.startEnrolment()).as("a reloaded page shows the same key").isEqualTo(enrolment);
        byte[] secret = secretOf(enrolment);
        List<String> codes = secondFactor.confirmEnrolment(code(secret));

        assertThat(enrolment.uri()).startsWith("otpauth://totp/Tandem%20%28Riverside%20Counselling%29%3A")
                .contains("secret=" + enrolment.typedKey().replace(" ", ""), "issuer=Tandem", "digits=6", "period=30");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(code -> code.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        assertThat(secondFactor.status()).isEqualTo(new SecondFactorStatus(true, 10, true));
        byte[] stored = dsl.select(SECOND_FACTOR.SEALED_SECRET).from(SECOND_FACTOR)
                .where(SECOND_FACTOR.ACCOUNT_ID.eq(therapist.accountId())).fetchSingle().value1();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
        assertThat(dsl.select(RECOVERY_CODE.CODE_HASH).from(RECOVERY_CODE)
                .where(RECOVERY_CODE.ACCOUNT_ID.eq(therapist.accountId())).fetch(RECOVERY_CODE.CODE_HASH))
                .hasSize(10).allMatch(hash -> hash.startsWith("{argon2}"))
                .noneMatch(hash -> codes.stream().anyMatch(code -> hash.contains(code.replace("-", ""))));
        assertThat(trail.since()).extracting(row -> row.getAction())
                .containsExactly("second-factor.enrolment-start", "second-factor.enrol");
    }

    @Test
    void a_wrong_code_does_not_turn_the_second_factor_on_and_is_audited() {
        signIn.as(therapist.email());
        AuditTrail trail = AuditTrail.from(dsl);
        byte[] secret = secretOf(secondFactor.startEnrolment());

        assertThatThrownBy(() -> secondFactor.confirmEnrolment(wrong(code(secret))))
                .isInstanceOf(RefusedException.class).hasMessageContaining("second-factor.error.wrong-code");

        assertThat(secondFactor.status().enrolled()).isFalse();
        assertThat(trail.since("second-factor.enrol")).singleElement()
                .satisfies(row -> assertThat(row.getOutcome()).isEqualTo(AuditEvent.Outcome.FAILURE));
    }

    // --- signing in ---

    @Test
    void with_a_second_factor_the_passphrase_alone_gives_no_role_until_the_code_is_given() {
        byte[] secret = enrol(admin);
        clock.advance(Duration.ofMinutes(5));
        AuditTrail trail = AuditTrail.from(dsl);
        String sessionBefore = session().getId();

        Authentication partial = passphrase(admin.email());

        assertThat(partial).isInstanceOf(PartialSignIn.class);
        assertThat(((PartialSignIn) partial).step()).isEqualTo(PartialSignIn.Step.CODE);
        assertThat(partial.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("FACTOR_PASSWORD");
        assertThat(CurrentUser.find()).isEmpty();
        assertThatThrownBy(() -> accountService.page(0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> secondFactor.status()).isInstanceOf(AccessDeniedException.class);

        secondFactor.signIn(code(secret));

        Authentication full = strategy.getContext().getAuthentication();
        assertThat(full.getPrincipal()).isInstanceOf(TandemUser.class);
        assertThat(full.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "FACTOR_PASSWORD", "FACTOR_TOTP");
        assertThat(accountService.page(0, 10)).isNotEmpty();
        assertThat(session().getId()).as("the session id is renewed after the second step").isNotEqualTo(sessionBefore);
        assertThat(session().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                .isInstanceOfSatisfying(SecurityContext.class,
                        saved -> assertThat(saved.getAuthentication()).isSameAs(full));
        assertThat(trail.since()).extracting(row -> row.getAction() + " " + row.getOutcome()).containsExactly(
                "auth.second-factor-asked SUCCESS", "auth.second-factor-code SUCCESS", "auth.sign-in SUCCESS");
    }

    @Test
    void a_wrong_code_is_refused_audited_and_leaves_the_sign_in_without_a_role() {
        byte[] secret = enrol(admin);
        clock.advance(Duration.ofMinutes(5));
        passphrase(admin.email());
        AuditTrail trail = AuditTrail.from(dsl);

        assertThatThrownBy(() -> secondFactor.signIn(wrong(code(secret)))).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> secondFactor.signIn("not-a-recovery-code")).isInstanceOf(RefusedException.class);

        assertThat(strategy.getContext().getAuthentication()).isInstanceOf(PartialSignIn.class);
        assertThat(trail.since("auth.second-factor-code")).hasSize(2)
                .allSatisfy(row -> assertThat(row.getOutcome()).isEqualTo(AuditEvent.Outcome.FAILURE))
                .allSatisfy(row -> assertThat(row.getActorAccountId()).isEqualTo(admin.accountId()));
    }

    @Test
    void a_code_that_signed_in_once_is_refused_a_second_time_within_its_window_and_so_is_an_older_one() {
        byte[] secret = enrol(therapist);
        clock.advance(Duration.ofMinutes(5));
        String code = code(secret);
        String previous = codeAt(secret, Duration.ofSeconds(-30));
        passphrase(therapist.email());
        secondFactor.signIn(code);

        clock.advance(Duration.ofSeconds(5));
        passphrase(therapist.email());
        assertThatThrownBy(() -> secondFactor.signIn(code)).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> secondFactor.signIn(previous)).isInstanceOf(RefusedException.class);

        clock.advance(Duration.ofSeconds(30));
        secondFactor.signIn(code(secret));
        assertThat(CurrentUser.require().accountId()).isEqualTo(therapist.accountId());
    }

    @Test
    void a_recovery_code_signs_in_instead_of_a_code_once() {
        List<String> codes = enrolForCodes(therapist);
        String recovery = codes.get(3);
        passphrase(therapist.email());

        secondFactor.signIn("  " + recovery.toUpperCase(Locale.ROOT) + " ");
        assertThat(CurrentUser.require().accountId()).isEqualTo(therapist.accountId());
        assertThat(secondFactor.status().recoveryCodesLeft()).isEqualTo(9);

        passphrase(therapist.email());
        assertThatThrownBy(() -> secondFactor.signIn(recovery)).isInstanceOf(RefusedException.class);
        secondFactor.signIn(codes.get(4).replace("-", ""));
        assertThat(secondFactor.status().recoveryCodesLeft()).isEqualTo(8);
    }

    @Test
    void a_fully_signed_in_person_has_no_code_step_to_pass() {
        signIn.as(therapist.email());
        assertThatThrownBy(() -> secondFactor.signIn("123456")).isInstanceOf(AccessDeniedException.class);
        assertThat(secondFactor.pendingStep()).isEmpty();
    }

    // --- the clinic's policy ---

    @Test
    void under_the_clinics_policy_staff_without_a_second_factor_must_enrol_first_and_partners_are_not_affected() {
        requireForStaff(admin);

        Authentication partial = passphrase(therapist.email());
        assertThat(partial).isInstanceOfSatisfying(PartialSignIn.class,
                signIn -> assertThat(signIn.step()).isEqualTo(PartialSignIn.Step.ENROL));
        assertThat(partial.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("FACTOR_PASSWORD");
        assertThatThrownBy(() -> secondFactor.signIn("123456")).isInstanceOf(AccessDeniedException.class);

        byte[] secret = secretOf(secondFactor.startEnrolment());
        assertThat(secondFactor.confirmEnrolment(code(secret))).hasSize(10);
        assertThat(strategy.getContext().getAuthentication().getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_THERAPIST", "FACTOR_TOTP");

        assertThat(passphrase(couple.one().email())).isNotInstanceOf(PartialSignIn.class)
                .satisfies(full -> assertThat(full.getPrincipal()).isInstanceOf(TandemUser.class));
        assertThat(passphrase(otherTherapist.email())).as("another clinic's policy").isNotInstanceOf(PartialSignIn.class);
    }

    @Test
    void the_second_factor_cannot_be_removed_while_the_clinic_requires_it_of_staff() {
        enrol(therapist);
        requireForStaff(admin);
        signIn.as(therapist.email());
        AuditTrail trail = AuditTrail.from(dsl);

        assertThat(secondFactor.status().removable()).isFalse();
        assertThatThrownBy(() -> secondFactor.remove(Fixtures.PASSWORD)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("second-factor.error.required");
        assertThat(secondFactor.status().enrolled()).isTrue();
        assertThat(trail.since("second-factor.remove")).singleElement()
                .satisfies(row -> assertThat(row.getOutcome()).isEqualTo(AuditEvent.Outcome.FAILURE));
    }

    @Test
    void removal_asks_for_the_passphrase_or_a_current_code() {
        byte[] secret = enrol(therapist);
        clock.advance(Duration.ofMinutes(1));
        signIn.as(therapist.email());

        assertThatThrownBy(() -> secondFactor.remove("not-my-passphrase-at-all")).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> secondFactor.remove(wrong(code(secret)))).isInstanceOf(RefusedException.class);
        assertThat(secondFactor.status().enrolled()).isTrue();

        secondFactor.remove(code(secret));
        assertThat(secondFactor.status().enrolled()).isFalse();
        assertThat(passphrase(therapist.email())).isNotInstanceOf(PartialSignIn.class);
        assertThat(dsl.fetchCount(RECOVERY_CODE, RECOVERY_CODE.ACCOUNT_ID.eq(therapist.accountId()))).isZero();
    }

    @Test
    void new_recovery_codes_replace_the_old_ones() {
        List<String> old = enrolForCodes(therapist);
        signIn.as(therapist.email());

        List<String> fresh = secondFactor.regenerateRecoveryCodes(Fixtures.PASSWORD);

        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(old);
        passphrase(therapist.email());
        assertThatThrownBy(() -> secondFactor.signIn(old.get(0))).isInstanceOf(RefusedException.class);
        secondFactor.signIn(fresh.get(0));
        assertThat(CurrentUser.require().accountId()).isEqualTo(therapist.accountId());
    }

    // --- an admin's reset ---

    @Test
    void an_admin_resets_the_second_factor_of_an_account_of_her_clinic() {
        enrol(therapist);
        signIn.as(admin.email());
        AuditTrail trail = AuditTrail.from(dsl);

        secondFactor.resetFor(therapist.accountId());

        assertThat(passphrase(therapist.email())).isNotInstanceOf(PartialSignIn.class);
        assertThat(trail.since("second-factor.reset")).singleElement().satisfies(row -> {
            assertThat(row.getActorAccountId()).isEqualTo(admin.accountId());
            assertThat(row.getSubjectId()).isEqualTo(therapist.accountId());
        });
    }

    @Test
    void an_admin_of_another_clinic_and_a_therapist_cannot_reset_a_second_factor() {
        enrol(therapist);
        signIn.as(otherAdmin.email());
        AuditTrail trail = AuditTrail.from(dsl);

        assertThatThrownBy(() -> secondFactor.resetFor(therapist.accountId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(trail.since("access.denied")).singleElement()
                .satisfies(row -> assertThat(row.getActorAccountId()).isEqualTo(otherAdmin.accountId()));

        signIn.as(therapist.email());
        assertThatThrownBy(() -> secondFactor.resetFor(therapist.accountId()))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(passphrase(therapist.email())).isInstanceOf(PartialSignIn.class);
    }

    // --- the key that seals the secrets ---

    @Test
    void a_sealed_secret_opens_only_for_its_own_account_and_a_missing_key_stops_the_start() {
        TotpSecrets secrets = new TotpSecrets(java.util.Base64.getEncoder().encodeToString(new byte[32]));
        byte[] sealed = secrets.seal(1, new byte[] {1, 2, 3});

        assertThat(secrets.open(1, sealed)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> secrets.open(2, sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new TotpSecrets(" ")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TANDEM_SECURITY_TOTP_KEY").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new TotpSecrets("c2hvcnQ=")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not 32");
    }

    // --- helpers ---

    private byte[] enrol(Person person) {
        return signIn.during(person.email(), () -> {
            byte[] secret = secretOf(secondFactor.startEnrolment());
            secondFactor.confirmEnrolment(code(secret));
            return secret;
        });
    }

    private List<String> enrolForCodes(Person person) {
        return signIn.during(person.email(), () -> {
            byte[] secret = secretOf(secondFactor.startEnrolment());
            return secondFactor.confirmEnrolment(code(secret));
        });
    }

    private void requireForStaff(Person clinicAdmin) {
        signIn.during(clinicAdmin.email(),
                () -> clinicService.requireSecondFactor(clinicService.secondFactorPolicy().version(), true));
    }

    private Authentication passphrase(String email) {
        return signIn.passphrase(email);
    }

    private static jakarta.servlet.http.HttpSession session() {
        MockHttpServletRequest request = (MockHttpServletRequest) ((ServletRequestAttributes) RequestContextHolder
                .currentRequestAttributes()).getRequest();
        return request.getSession(true);
    }

    static byte[] secretOf(Enrolment enrolment) {
        return TotpCodes.secret(enrolment.typedKey());
    }

    private String code(byte[] secret) {
        return codeAt(secret, Duration.ZERO);
    }

    private String codeAt(byte[] secret, Duration offset) {
        return TotpCodes.code(secret, clock.instant().plus(offset));
    }

    private static String wrong(String code) {
        return TotpCodes.wrong(code);
    }
}
