package org.tandem.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.PASSWORD_RESET;

import java.util.Locale;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.NewAccount;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.TandemUser;
import org.tandem.clinic.ClinicService;
import org.tandem.clinic.ClinicSetup;
import org.tandem.couples.CoupleData;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.CoupleService;
import org.tandem.couples.LivingTogether;
import org.tandem.couples.PartnerData;
import org.tandem.invitations.AcceptedInvitation;
import org.tandem.invitations.InvitationService;
import org.tandem.passwordreset.IssuedReset;
import org.tandem.passwordreset.PasswordResetService;
import org.tandem.passwordreset.ResetRequest;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.StrictTenancy;

/**
 * The paths that run with no one signed in work under row-level security as in production, with no test default:
 * the sign-in by e-mail, an invitation's link, a passphrase reset, the first-run setup's checks and the e-mail's
 * uniqueness each name their scope (docs/decisions/029-second-wall-in-the-database.md). The test's own look-ups name
 * theirs too.
 */
@IntegrationTest
@StrictTenancy
class NoOneSignedInTest {

    static final String STRONG = "river kettle moss lantern";

    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired AccountService accounts;
    @Autowired ClinicService clinics;
    @Autowired CoupleService couples;
    @Autowired InvitationService invitations;
    @Autowired PasswordResetService resets;

    Clinic clinic;
    Person admin;
    Person therapist;

    @BeforeEach
    void a_clinic() {
        clinic = fixtures.clinic("Strict Counselling");
        admin = fixtures.admin(clinic, "Strict Admin");
        therapist = fixtures.therapist(clinic, "Strict Therapist");
        fixtures.therapist(fixtures.clinic("Another Practice"), "Another Therapist");
        signIn.out();
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void nothing_is_seen_without_a_scope_and_no_one_signed_in() {
        assertThat(dsl.fetchCount(dsl.selectOne().from("clinic"))).isZero();
        assertThat(dsl.fetchCount(dsl.selectOne().from("account"))).isZero();
    }

    @Test
    void a_sign_in_finds_the_account_by_its_e_mail_and_a_wrong_passphrase_is_refused() {
        Authentication signedIn = signIn.passphrase(therapist.email());

        assertThat(signedIn.getPrincipal()).isInstanceOfSatisfying(TandemUser.class,
                user -> assertThat(user.clinicId()).isEqualTo(clinic.id()));
        assertThatThrownBy(() -> signIn.passphrase(therapist.email(), "not the passphrase at all"))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void an_invitation_link_is_previewed_and_accepted_by_someone_not_signed_in() {
        long coupleId = signIn.during(therapist.email(), () -> couples.create(new CoupleData(
                new PartnerData("Lucía Fernández", null, null, "lucia.strict@fixture.example"),
                new PartnerData("Marco Rossi", null, null, "marco.strict@fixture.example"), null,
                LivingTogether.UNKNOWN, null, CoupleStatus.ACTIVE)));
        String path = signIn.during(therapist.email(), () -> invitations.issueForPartner(coupleId, 1)).path();
        String token = path.substring("invitation/".length());

        assertThat(invitations.preview(token).clinicName()).isEqualTo("Strict Counselling");
        AcceptedInvitation accepted = invitations.accept(token, STRONG);

        assertThat(accepted.email()).isEqualTo("lucia.strict@fixture.example");
        assertThat(signIn.passphrase(accepted.email(), STRONG).getPrincipal()).isInstanceOfSatisfying(
                TandemUser.class, user -> assertThat(user.clinicId()).isEqualTo(clinic.id()));
    }

    @Test
    void a_passphrase_reset_is_asked_for_opened_and_used_by_someone_not_signed_in() {
        resets.request(new ResetRequest(therapist.email()), Locale.ENGLISH);
        int asked = TenantScope.installation(
                () -> dsl.fetchCount(PASSWORD_RESET, PASSWORD_RESET.ACCOUNT_ID.eq(therapist.accountId())));
        assertThat(asked).as("the asked-for link").isOne();

        IssuedReset issued = signIn.during(admin.email(), () -> resets.issueFor(therapist.accountId()));
        String token = issued.link().substring(issued.link().lastIndexOf('/') + 1);
        assertThat(resets.preview(token).email()).isEqualTo(therapist.email());
        resets.reset(token, STRONG);

        assertThat(signIn.passphrase(therapist.email(), STRONG).isAuthenticated()).isTrue();
        int used = TenantScope.clinic(clinic.id(), () -> dsl.fetchSingle("select count(*) from audit_event "
                + "where action = 'password-reset.use' and outcome = 'SUCCESS' and clinic_id = ?", clinic.id())
                .get(0, Integer.class));
        assertThat(used).as("the reset's audit row, in its clinic").isOne();
    }

    @Test
    void the_first_run_setup_sees_that_a_clinic_exists_and_e_mails_are_unique_across_clinics() {
        assertThat(clinics.isSetUp()).isTrue();
        assertThatThrownBy(() -> clinics.setUp("AAAA-AAAA-AAAA-AAAA", new ClinicSetup("Second", "UTC"),
                new NewAccount("Second Admin", "second@fixture.example", STRONG)))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.getMessage()).contains("setup.error.already-set-up"));
        assertThat(accounts.anyAccountExists()).isTrue();
        assertThat(accounts.emailTaken(therapist.email())).isTrue();
        assertThat(accounts.emailTaken("nobody.strict@fixture.example")).isFalse();
    }
}
