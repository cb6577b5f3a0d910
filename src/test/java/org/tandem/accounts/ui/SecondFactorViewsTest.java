package org.tandem.accounts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.PartialSignIn;
import org.tandem.accounts.SecondFactorService;
import org.tandem.clinic.ClinicService;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TotpCodes;

/** The second factor's pages as each person meets them: enrolling, the sign-in's code step, the clinic's policy. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class SecondFactorViewsTest extends SpringBrowserlessTest {

    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired SecondFactorService secondFactor;
    @Autowired ClinicService clinic;
    @Autowired TestClock clock;

    Person admin;
    Person therapist;
    Couple couple;

    @BeforeEach
    void a_clinic() {
        fixtures.committed(() -> {
            Clinic riverside = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(riverside, "Morgan Ellis");
            therapist = fixtures.therapist(riverside, "Dr. Jordan Reyes");
            couple = fixtures.couple(therapist, "Alex Morgan", "Samira Patel");
        });
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private String open(String route) {
        navigate(route, Component.class);
        return getCurrentView().getClass().getSimpleName();
    }

    /** Enrols on the page as a person would: reads the key, types the app's code, keeps the recovery codes. */
    private byte[] enrolOnThePage() {
        assertThat(open(AccountRoutes.SECOND_FACTOR)).isEqualTo("SecondFactorView");
        assertThat($(Image.class).single().getSrc()).startsWith("data:image/svg+xml;base64,");
        String typedKey = $(Span.class).all().stream().map(Span::getText)
                .filter(text -> text.matches("[A-Z2-7]{4}( [A-Z2-7]{4})+")).findFirst().orElseThrow();
        byte[] secret = TotpCodes.secret(typedKey);
        test($(TextField.class).single()).setValue(TotpCodes.code(secret, clock.instant()));
        test($(Button.class).withText("Turn on").single()).click();
        assertThat($(ListItem.class).all()).hasSize(10);
        return secret;
    }

    @Test
    void a_partner_sets_up_a_second_factor_and_keeps_ten_recovery_codes() {
        signIn.as(couple.one().email());
        enrolOnThePage();

        test($(Button.class).withText("I have kept my codes").single()).click();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("MyWorkbookView");
        assertThat(open(AccountRoutes.SECOND_FACTOR)).isEqualTo("SecondFactorView");
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).withText("10 recovery codes left.").exists())
                .isTrue();
    }

    @Test
    void a_wrong_code_is_shown_beside_the_field_and_the_factor_stays_off() {
        signIn.as(therapist.email());
        open(AccountRoutes.SECOND_FACTOR);
        test($(TextField.class).single()).setValue("000000");
        test($(Button.class).withText("Turn on").single()).click();

        assertThat($(TextField.class).single().isInvalid()).isTrue();
        assertThat($(TextField.class).single().getErrorMessage()).startsWith("That code is not right");
        assertThat(secondFactor.status().enrolled()).isFalse();
    }

    @Test
    void after_the_passphrase_every_page_leads_to_the_code_step_and_the_code_signs_in() {
        signIn.as(therapist.email());
        byte[] secret = enrolOnThePage();
        clock.advance(Duration.ofMinutes(2));

        assertThat(signIn.passphrase(therapist.email())).isInstanceOf(PartialSignIn.class);
        for (String route : new String[] {"", "caseload", "users", "clinic/settings", AccountRoutes.SECOND_FACTOR}) {
            assertThat(open(route)).as("/" + route).isEqualTo("SecondFactorSignInView");
        }

        test($(TextField.class).single()).setValue(TotpCodes.wrong(TotpCodes.code(secret, clock.instant())));
        test($(Button.class).withText("Continue").single()).click();
        assertThat($(TextField.class).single().isInvalid()).isTrue();
        assertThat(CurrentUser.find()).isEmpty();

        test($(TextField.class).single()).setValue(TotpCodes.code(secret, clock.instant()));
        test($(Button.class).withText("Continue").single()).click();
        assertThat(CurrentUser.require().accountId()).isEqualTo(therapist.accountId());
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("CaseloadView");
        assertThat(open(AccountRoutes.SECOND_FACTOR_CODE)).as("nothing left to enter").isEqualTo("CaseloadView");
    }

    @Test
    void under_the_clinics_policy_a_therapist_without_a_second_factor_can_only_enrol_then_carries_on() {
        signIn.during(admin.email(), () -> clinic.requireSecondFactor(clinic.secondFactorPolicy().version(), true));

        signIn.passphrase(therapist.email());
        for (String route : new String[] {"", "caseload", AccountRoutes.SECOND_FACTOR_CODE}) {
            assertThat(open(route)).as("/" + route).isEqualTo("SecondFactorView");
        }
        assertThat($(Button.class).withText("Sign out").exists()).isTrue();
        enrolOnThePage();
        test($(Button.class).withText("I have kept my codes").single()).click();

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("CaseloadView");
        // The frame was drawn while the sign-in still owed its second factor: now it names the therapist and has
        // their menu.
        assertThat($(Span.class).withText("Dr. Jordan Reyes").exists()).isTrue();
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Caseload", "Account");
        assertThat(open(AccountRoutes.SECOND_FACTOR)).isEqualTo("SecondFactorView");
        assertThat($(Button.class).withText("Remove second factor").exists()).as("no removal under the policy").isFalse();
        assertThat($(PasswordField.class).exists()).isTrue();
    }

    @Test
    void a_partner_is_not_affected_by_the_clinics_policy() {
        signIn.during(admin.email(), () -> clinic.requireSecondFactor(clinic.secondFactorPolicy().version(), true));

        signIn.passphrase(couple.two().email());

        assertThat(open("")).isEqualTo("MyWorkbookView");
    }

    @Test
    void the_second_factor_is_removed_with_the_passphrase() {
        signIn.as(therapist.email());
        enrolOnThePage();
        open(AccountRoutes.SECOND_FACTOR);

        test($(PasswordField.class).single()).setValue("not the passphrase at all");
        test($(Button.class).withText("Remove second factor").single()).click();
        assertThat($(PasswordField.class).single().isInvalid()).isTrue();

        test($(PasswordField.class).single()).setValue(Fixtures.PASSWORD);
        test($(Button.class).withText("Remove second factor").single()).click();
        assertThat(secondFactor.status().enrolled()).isFalse();
        assertThat($(Button.class).withText("Set up a second factor").exists()).isTrue();
    }
}
