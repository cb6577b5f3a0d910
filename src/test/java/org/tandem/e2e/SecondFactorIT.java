package org.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.accounts.SecondFactorService;
import org.tandem.clinic.ClinicService;
import org.tandem.support.DemoTest;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TotpCodes;

/**
 * Signing in with a second factor in a real browser: the passphrase leads to the code page, a wrong code is said
 * beside the field, the right one (computed with java-otp on the test clock) opens the admin's pages, and the
 * renewed session id keeps working for the next page load.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class SecondFactorIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired SecondFactorService secondFactor;
    @Autowired TestClock clock;
    @Autowired ClinicService clinicService;

    @Test
    @DisplayName("passphrase, then the code of the authenticator app, then the admin's pages")
    void an_admin_signs_in_with_her_second_factor() {
        Person[] admin = new Person[1];
        byte[][] secret = new byte[1][];
        fixtures.committed(() -> {
            admin[0] = fixtures.admin(fixtures.clinic("Riverside Counselling"), "Morgan Ellis");
            signIn.during(admin[0].email(), () -> {
                secret[0] = TotpCodes.secret(secondFactor.startEnrolment().typedKey());
                return secondFactor.confirmEnrolment(TotpCodes.code(secret[0], clock.instant()));
            });
        });
        signIn.out();
        clock.advance(Duration.ofMinutes(2));

        browser.signIn(port, admin[0].email(), Fixtures.PASSWORD);
        Page page = browser.page();
        assertThat(page).hasURL(Pattern.compile(".*/login/code$"));
        assertThat(page.getByText("Enter your code")).isVisible();

        page.getByLabel("Code").fill(TotpCodes.wrong(TotpCodes.code(secret[0], clock.instant())));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.getByText("That code is not right")).isVisible();
        browser.screenshot("second-factor-wrong-code");

        page.getByLabel("Code").fill(TotpCodes.code(secret[0], clock.instant()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page).hasURL(Pattern.compile(".*/users$"));
        assertThat(browser.navbar().getByText("Morgan Ellis")).isVisible();

        Page settings = browser.open(port, "/clinic/settings");
        assertThat(settings.getByText("Second factor required for staff")).isVisible();
        browser.screenshot("second-factor-signed-in");
    }

    @Test
    @DisplayName("under the clinic's policy a therapist enrols right after the passphrase, then carries on")
    void a_therapist_of_a_clinic_that_requires_it_enrols_before_anything_else() {
        Person[] therapist = new Person[1];
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Riverside Counselling");
            Person admin = fixtures.admin(clinic, "Morgan Ellis");
            therapist[0] = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            signIn.during(admin.email(),
                    () -> clinicService.requireSecondFactor(clinicService.secondFactorPolicy().version(), true));
        });
        signIn.out();

        browser.signIn(port, therapist[0].email(), Fixtures.PASSWORD);
        Page page = browser.page();
        assertThat(page).hasURL(Pattern.compile(".*/account/second-factor$"));
        assertThat(page.getByText("Your clinic asks every staff member to use a second factor.")).isVisible();
        assertThat(page.getByAltText("QR code to scan with your authenticator app")).isVisible();
        browser.screenshot("second-factor-enrolment");
        browser.open(port, "/caseload");
        assertThat(page).hasURL(Pattern.compile(".*/account/second-factor$"));

        String typedKey = page.getByText(Pattern.compile("^[A-Z2-7]{4}( [A-Z2-7]{4})+$")).textContent().strip();
        page.getByLabel("6-digit code").fill(TotpCodes.code(TotpCodes.secret(typedKey), clock.instant()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on")).click();
        assertThat(page.getByText("Your second factor is on. Keep your recovery codes")).isVisible();
        assertThat(page.locator("li")).hasCount(10);
        browser.screenshot("second-factor-recovery-codes");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have kept my codes")).click();
        assertThat(page).hasURL(Pattern.compile(".*/caseload$"));
    }
}
