package org.tandem.accounts.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.ACCOUNT;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.UUID;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tandem.accounts.AccountName;
import org.tandem.accounts.AccountService;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/** The Account page of every role: each refusal beside its field, and nothing written by a refused change. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class AccountViewTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired AccountService accounts;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired TestClock clock;
    Person admin;
    Person therapist;
    Couple couple;

    @BeforeEach
    void a_clinic() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(clinic, "Morgan Ellis");
            therapist = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            couple = fixtures.couple(therapist, "Alex Morgan", "Samira Patel");
        });
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private PasswordField password(String label) {
        return $(PasswordField.class).all().stream().filter(field -> label.equals(field.getLabel())).findFirst()
                .orElseThrow();
    }

    private String hashOf(Person person) {
        return hashOf(person.accountId());
    }

    private String hashOf(long accountId) {
        return dsl.fetchValue(ACCOUNT.PASSWORD_HASH, ACCOUNT.ID.eq(accountId));
    }

    @Test
    void every_role_opens_its_own_account_page() {
        for (String email : new String[] {admin.email(), therapist.email(), couple.one().email()}) {
            signIn.as(email);
            navigate("", Component.class);
            navigate(AccountRoutes.ACCOUNT, Component.class);
            assertThat(getCurrentView()).as(email).isInstanceOf(AccountView.class);
            assertThat($(Paragraph.class).withText("Signed in as " + email).exists()).isTrue();
        }
    }

    @Test
    void the_account_page_says_whether_a_second_factor_is_on_and_leads_to_its_set_up() {
        signIn.as(therapist.email());
        navigate(AccountView.class);

        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .anySatisfy(text -> assertThat(text).startsWith("Off: signing in asks only for your passphrase."));
        com.vaadin.flow.router.RouterLink setUp = $(com.vaadin.flow.router.RouterLink.class).all().stream()
                .filter(link -> "Set up a second factor".equals(link.getText())).findFirst().orElseThrow();
        assertThat(setUp.getHref()).isEqualTo(AccountRoutes.SECOND_FACTOR);
    }

    @Test
    void a_person_renames_themselves_and_a_blank_name_is_refused_beside_the_field() {
        signIn.as(therapist.email());
        navigate(AccountView.class);
        TextField name = $(TextField.class).withCaption("Name shown to others").single();

        test(name).setValue(" ");
        test($(Button.class).withText("Save name").single()).click();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Enter the name you want to be shown by.");

        test(name).setValue("Jordan Reyes");
        test($(Button.class).withText("Save name").single()).click();
        assertThat(dsl.fetchValue(ACCOUNT.DISPLAY_NAME, ACCOUNT.ID.eq(therapist.accountId())))
                .isEqualTo("Jordan Reyes");
    }

    @Test
    void a_rename_over_someone_elses_save_changes_nothing() {
        signIn.as(therapist.email());
        navigate(AccountView.class);
        accounts.rename(new AccountName("Saved elsewhere"), accounts.myAccount().version());

        test($(TextField.class).withCaption("Name shown to others").single()).setValue("Jordan Reyes");
        try {
            test($(Button.class).withText("Save name").single()).click();
        } catch (RuntimeException reported) {
            // the global error handler reports it to the person
        }

        assertThat(dsl.fetchValue(ACCOUNT.DISPLAY_NAME, ACCOUNT.ID.eq(therapist.accountId())))
                .isEqualTo("Saved elsewhere");
    }

    @Test
    void a_wrong_current_passphrase_is_said_beside_it_and_nothing_changes() {
        signIn.as(therapist.email());
        navigate(AccountView.class);
        String before = hashOf(therapist);

        test(password("Current passphrase")).setValue("not my passphrase at all");
        test(password("New passphrase")).setValue("lantern orchard velvet migration");
        test(password("New passphrase again")).setValue("lantern orchard velvet migration");
        test($(Button.class).withText("Change passphrase").single()).click();

        assertThat(password("Current passphrase").isInvalid()).isTrue();
        assertThat(password("Current passphrase").getErrorMessage()).isEqualTo("That is not your current passphrase.");
        assertThat(hashOf(therapist)).isEqualTo(before);
    }

    @Test
    void a_weak_new_passphrase_is_said_beside_it_and_nothing_changes() {
        signIn.as(therapist.email());
        navigate(AccountView.class);
        String before = hashOf(therapist);

        test(password("Current passphrase")).setValue(Fixtures.PASSWORD);
        test(password("New passphrase")).setValue("too short");
        test(password("New passphrase again")).setValue("too short");
        test($(Button.class).withText("Change passphrase").single()).click();

        assertThat(password("New passphrase").isInvalid()).isTrue();
        assertThat(password("New passphrase").getErrorMessage()).isEqualTo("Use at least 15 characters.");
        assertThat(hashOf(therapist)).isEqualTo(before);
    }

    @Test
    void a_good_new_passphrase_is_saved() {
        signIn.as(couple.one().email());
        navigate(AccountView.class);

        test(password("Current passphrase")).setValue(Fixtures.PASSWORD);
        test(password("New passphrase")).setValue("lantern orchard velvet migration");
        test(password("New passphrase again")).setValue("lantern orchard velvet migration");
        test($(Button.class).withText("Change passphrase").single()).click();

        assertThat(passwordEncoder.matches("lantern orchard velvet migration", hashOf(couple.one().accountId()))).isTrue();
        assertThat(password("Current passphrase").getValue()).isEmpty();
    }

    @Test
    void the_sign_in_page_says_when_an_email_is_locked_and_when_a_session_was_ended() {
        signIn.out();
        UI.getCurrent().navigate(AccountRoutes.LOGIN, QueryParameters.simple(Map.of("error", "", "locked", "")));
        assertThat($(LoginForm.class).single().getElement().getPropertyRaw("i18n").toString())
                .contains("Too many failed sign-ins", "paused for 15 minutes");

        UI.getCurrent().navigate(AccountRoutes.LOGIN, QueryParameters.simple(Map.of("ended", "")));
        assertThat($(Paragraph.class).withText(
                "You were signed out: your sessions were ended, or your account was deactivated. Sign in again, or ask your clinic.")
                .single().isVisible()).isTrue();
    }

    @Test
    void the_account_page_lists_only_my_open_sessions_and_ends_another_one() {
        UUID laptop = OpenSessionRows.open(dsl, clock, therapist, "Firefox on Windows");
        UUID phone = OpenSessionRows.open(dsl, clock, therapist, "Safari on iPhone");
        UUID admins = OpenSessionRows.open(dsl, clock, admin, "Chrome on macOS");
        signIn.as(therapist.email());
        navigate(AccountRoutes.ACCOUNT, Component.class);

        assertThat($(Span.class).all()).extracting(Span::getText)
                .contains("Firefox on Windows", "Safari on iPhone").doesNotContain("Chrome on macOS");
        assertThat($(Button.class).withText("End").all()).hasSize(2);

        test($(Button.class).withText("End").first()).click(); // the latest first: the phone's

        assertThat(OpenSessionRows.ended(dsl, phone)).isTrue();
        assertThat(OpenSessionRows.ended(dsl, laptop)).isFalse();
        assertThat(OpenSessionRows.ended(dsl, admins)).isFalse();
        assertThat($(Span.class).all()).extracting(Span::getText).doesNotContain("Safari on iPhone");
        assertThat($(Button.class).withText("End").all()).hasSize(1);
    }

    @Test
    void with_no_other_session_the_account_page_says_so() {
        signIn.as(therapist.email());
        navigate(AccountRoutes.ACCOUNT, Component.class);

        assertThat($(Paragraph.class).withText("No other device is signed in to your account.").single().isVisible())
                .isTrue();
        assertThat($(Button.class).withText("End").all()).isEmpty();
    }

    @Test
    void the_sign_in_page_says_when_a_session_reached_its_lifetime() {
        signIn.out();
        UI.getCurrent().navigate(AccountRoutes.LOGIN, QueryParameters.simple(Map.of("expired", "")));

        assertThat($(Paragraph.class).withText(
                "You were signed out: a session lasts at most 12 hours after signing in. Sign in again to go on.")
                .single().isVisible()).isTrue();
    }
}
