package org.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.e2e.BrowserSupport.DEMO_PASSWORD;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.support.DemoTest;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.support.AuditTrail;

/** Each demo role signs in through the real login page, sees its own data from the database, and signs out. */
// Dev tools off: their corner pop-up would cover the navbar (name, Sign out) and clutter the screenshots.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class SignInJourneyIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired
    DSLContext dsl;

    @Test
    @DisplayName("the admin lands on Users and sees the clinic's accounts")
    void adminJourney() {
        Page page = signInAndLand("admin@example.com", "/users", "Morgan Ellis");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Users"))).isVisible();
        Locator grid = page.locator("vaadin-grid");
        assertThat(grid.getByText("therapist@example.com", new Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(grid.getByText("Dr. Jordan Reyes", new Locator.GetByTextOptions().setExact(true))).isVisible();
        assertSideNav(page, List.of("Users", "Assignments", "Clinic settings", "Balance settings", "Audit log", "Account"), "Caseload", "Schedule", "Library", "My workbook",
                "Messages", "Goals", "My balance");

        browser.screenshot("admin-users");
        signOutAndStayOut();
    }

    @Test
    @DisplayName("the therapist lands on Caseload and sees only their own couples")
    void therapistJourney() {
        Page page = signInAndLand("therapist@example.com", "/caseload", "Dr. Jordan Reyes");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Caseload"))).isVisible();
        Locator grid = page.locator("vaadin-grid");
        assertThat(grid.getByText("Samira Patel (Sam)", new Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(grid.getByText("Alex Morgan", new Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(grid.getByText("Kwame Mensah", new Locator.GetByTextOptions().setExact(true))).isVisible();
        // Another therapist's client never appears, neither in the grid nor anywhere else on the page.
        assertThat(page.getByText("Maya Johnson")).hasCount(0);
        assertSideNav(page, List.of("Caseload", "Schedule", "Library", "Account"), "Users", "Assignments", "My workbook", "Messages", "Goals",
                "My balance", "Clinic settings", "Balance settings", "Audit log");

        browser.screenshot("therapist-caseload");
        signOutAndStayOut();
    }

    @Test
    @DisplayName("a client lands on their workbook and sees their couple and therapist")
    void clientJourney() {
        AuditTrail trail = AuditTrail.from(dsl);
        Page page = signInAndLand("alex@example.com", "/workbook", "Alex Morgan");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Alex")))
                .isVisible();
        assertThat(page.locator("main p").filter(new Locator.FilterOptions().setHasText("Dr. Jordan Reyes")))
                .hasText("You and Sam are working with Dr. Jordan Reyes.");
        // The demo gives Alex open assignments.
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("To do").setExact(true)))
                .isVisible();
        assertSideNav(page, List.of("My workbook", "Messages", "Goals", "My balance", "Account"), "Caseload", "Schedule", "Library", "Users", "Assignments",
                "Clinic settings", "Balance settings", "Audit log");

        browser.screenshot("client-workbook");
        signOutAndStayOut();

        // The real browser journey left its trail: signed in, read their own couple, signed out.
        assertThat(trail.since().stream().filter(row -> "alex@example.com".equals(row.getActor()))
                .map(AuditEventRecord::getAction).toList())
                .containsSubsequence("auth.sign-in", "couple.read-own", "auth.sign-out");
        // Each row, the sign-in form's and the Vaadin requests' alike, says from which address it came.
        assertThat(trail.since().stream().filter(row -> "alex@example.com".equals(row.getActor()))
                .map(AuditEventRecord::getAddress).toList()).isNotEmpty().allSatisfy(address ->
                        org.assertj.core.api.Assertions.assertThat(address).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
    }

    @Test
    @DisplayName("a client's workbook on a phone-sized screen")
    void clientWorkbookOnPhone() {
        browser.openContext(options -> options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                .setDeviceScaleFactor(2));
        Page page = signInAndLand("alex@example.com", "/workbook", null);

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Alex")))
                .isVisible();
        // The demo gives Alex open assignments.
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("To do").setExact(true)))
                .isVisible();
        // Nothing wider than the screen: no sideways scrolling on a phone.
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(((Number) overflow).intValue() <= 0,
                "the workbook scrolls sideways on a phone by " + overflow + " px");

        browser.screenshot("client-workbook-phone");
    }

    @Test
    @DisplayName("a wrong password shows the error and stays on the login page")
    void wrongPassword() {
        browser.signIn(port, "therapist@example.com", "not-the-password");

        Page page = browser.page();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        browser.assertOnLoginPage();
        assertThat(browser.loginForm().getByText("Incorrect e-mail or password")).isVisible();
        browser.screenshot("login-wrong-password");

        browser.open(port, "/caseload");
        browser.assertOnLoginPage();
    }

    @Test
    @DisplayName("a therapist opening the admin's Users page is refused")
    void therapistCannotOpenUsers() {
        signInAndLand("therapist@example.com", "/caseload", "Dr. Jordan Reyes");

        Page page = browser.open(port, "/users");
        assertThat(page.getByRole(AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("You don't have access to this page")))
                .isVisible();
        assertThat(page.locator("vaadin-grid")).hasCount(0);
        assertThat(page.getByText("therapist@example.com")).hasCount(0);
        browser.screenshot("therapist-refused-users");
    }

    @Test
    @DisplayName("pages need a sign-in: an anonymous visitor is sent to the login page")
    void anonymousIsSentToLogin() {
        browser.open(port, "/users");
        browser.assertOnLoginPage();
        browser.screenshot("login");
    }

    /** Signs in and waits for the landing page, with the person's name in the navbar (unless {@code name} is null). */
    private Page signInAndLand(String email, String landingPath, String name) {
        browser.signIn(port, email, DEMO_PASSWORD);
        Page page = browser.page();
        assertThat(page).hasURL(Pattern.compile(".*" + landingPath + "$"));
        if (name != null) {
            assertThat(browser.navbar().getByText(name, new Locator.GetByTextOptions().setExact(true)))
                    .isVisible();
        }
        return page;
    }

    /** The side nav holds the role's own entries and none of the other roles'. */
    private static void assertSideNav(Page page, List<String> own, String... others) {
        Locator nav = page.locator("vaadin-side-nav");
        for (String entry : own) {
            assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(entry).setExact(true)))
                    .isVisible();
        }
        for (String other : others) {
            assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(other))).hasCount(0);
        }
        assertThat(nav.locator("vaadin-side-nav-item")).hasCount(own.size());
    }

    /** Signs out from the navbar, lands on the login page, and cannot get back in without signing in again. */
    private void signOutAndStayOut() {
        browser.signOut();
        browser.assertOnLoginPage();
        browser.open(port, "/caseload");
        browser.assertOnLoginPage();
    }
}
