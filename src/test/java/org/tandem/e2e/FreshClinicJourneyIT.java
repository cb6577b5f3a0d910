package org.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.support.TestClock;
import org.tandem.support.TestMail;
import org.tandem.support.TotpCodes;

/**
 * Issue 12's "done when", in two browsers on a fresh installation: the {@code prod} profile, so no demo clinic and
 * the first page is the setup page; mail goes to the test's SMTP server (GreenMail) through the real outbox and its
 * background sender, and the mailed link is opened as it arrives (the app runs on the port the links name).
 *
 * <p>The admin sets up the clinic, takes the therapist role as well (a small practice), requires a second factor of
 * staff and invites a therapist. The therapist opens the mailed link in a browser of their own, chooses a passphrase,
 * is made to enrol the second factor (codes computed with java-otp, as the app checks them), signs out and in again
 * with passphrase and code, and creates a couple. The admin deactivates the therapist: the therapist's open page
 * lands on the sign-in page at its next heartbeat (every 2 s here instead of 60 s) and the passphrase no longer
 * works. The admin reassigns the couple to themselves and finds it on their own caseload.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT, properties = {
    "vaadin.devmode.devTools.enabled=false", "vaadin.heartbeatInterval=2",
    // The background sender runs every second, as it does every 30 s in a clinic.
    "tandem.mail.send-cron=* * * * * *",
    // prod refuses to start without a key for the second factors (docs/decisions/025-second-factor.md); the
    // production bundle is not built for tests.
    "tandem.security.totp-key=Txh/30O5fYjveBK7WNPLFYZ8NxZfEjHGN4sHV4lfLFk=", "vaadin.productionMode=false",
    // The links point to this test's plain-http server (prod wants https: docs/decisions/031-self-hosting-defaults.md).
    "tandem.allow-http=true"})
@ActiveProfiles({"test", "prod"})
// The setup code is read where an installer reads it: in the application's log (docs/self-hosting.md).
@ExtendWith(OutputCaptureExtension.class)
class FreshClinicJourneyIT {

    private static final Pattern SETUP_CODE = Pattern.compile("Tandem setup code: ([A-Z0-9]{4}(?:-[A-Z0-9]{4}){3})");

    private static final int PORT = freePort();

    private static final String CLINIC = "Harbourside Practice";
    private static final String ADMIN = "Ines Halvorsen";
    private static final String ADMIN_EMAIL = "ines.halvorsen@example.org";
    private static final String ADMIN_PASSPHRASE = "quiet lamps glow over the river at dawn";
    private static final String THERAPIST = "Tomas Lindqvist";
    private static final String THERAPIST_EMAIL = "tomas.lindqvist@example.org";
    private static final String THERAPIST_PASSPHRASE = "seven copper kettles whistle in june";
    private static final String PARTNER_ONE = "Elena Varga";
    private static final String PARTNER_TWO = "Marco Varga";

    /** Words that would make a mail clinical: a mail carries a link and a neutral sentence, nothing else. */
    private static final List<String> CLINICAL_WORDS = List.of("couple", "therap", "counsel", "session", "note",
            "balance", "workbook", "client", "partner", CLINIC, ADMIN, THERAPIST);

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired TestMail mail;
    @Autowired TestClock clock;

    @DynamicPropertySource
    static void serveWhereTheLinksPoint(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("tandem.public-url", () -> "http://localhost:" + PORT);
    }

    @Test
    @DisplayName("setup, an invitation by mail, the second factor, a couple, deactivation and the caseload reassigned")
    void a_fresh_clinic_takes_on_a_therapist_and_hands_their_caseload_on_when_they_leave(CapturedOutput log) {
        Page admin = browser.page();
        // The security headers' Content-Security-Policy (docs/decisions/031-self-hosting-defaults.md) lets every page
        // of the journey load and run: the browser reports each violation in the console.
        List<String> cspViolations = new CopyOnWriteArrayList<>();
        admin.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                cspViolations.add(message.text());
            }
        });
        setUpTheClinic(admin, log);
        takeTheTherapistRoleToo(admin);
        requireASecondFactorOfStaff(admin);
        String shownLink = inviteTheTherapist(admin);

        String mailedLink = theMailedLink();
        assertThat(mailedLink).isEqualTo(shownLink);

        Page therapist = browser.openAnotherContext();
        byte[] secondFactor = acceptAndEnrol(therapist, mailedLink);
        signInAgainWithACode(therapist, secondFactor);
        createACouple(therapist);

        // The therapist's caseload stays open, untouched: only Vaadin's heartbeats reach the server from it.
        List<Integer> heartbeats = new CopyOnWriteArrayList<>();
        therapist.onResponse(response -> {
            if (response.url().contains("v-r=heartbeat")) {
                heartbeats.add(response.status());
            }
        });
        deactivateTheTherapist(admin);
        long deactivatedAt = System.nanoTime();
        try {
            assertThat(therapist).hasURL(Pattern.compile(".*/login(\\?.*)?$"),
                    new PageAssertions.HasURLOptions().setTimeout(60_000));
        } catch (AssertionError stillSignedIn) {
            throw new AssertionError("the deactivated therapist's page was still on " + therapist.url()
                    + "; the server answered its heartbeats with " + heartbeats, stillSignedIn);
        }
        BrowserSupport.assertOnLoginPage(therapist);
        assertThat(therapist.getByText("You were signed out: your sessions were ended, or your account was "
                + "deactivated. Sign in again, or ask your clinic.")).isVisible();
        long signedOutAfterMs = Duration.ofNanos(System.nanoTime() - deactivatedAt).toMillis();
        System.out.printf("FreshClinicJourneyIT: the deactivated therapist's open page was signed out %d ms after "
                + "the admin saw the account deactivated%n", signedOutAfterMs);
        BrowserSupport.screenshot(therapist, "fresh-clinic-therapist-signed-out");
        assertThat(signedOutAfterMs).as("the open page is signed out within a minute").isLessThan(60_000);
        BrowserSupport.signIn(therapist, PORT, THERAPIST_EMAIL, THERAPIST_PASSPHRASE);
        assertThat(therapist).hasURL(Pattern.compile(".*/login\\?error$"));
        assertThat(therapist.locator("vaadin-login-form").getByText("Incorrect e-mail or password")).isVisible();

        reassignTheCaseloadToTheAdmin(admin);
        assertThat(cspViolations).as("Content-Security-Policy violations in the console").isEmpty();
    }

    /** The first page of a fresh installation is the setup page; it creates the clinic and its first admin. */
    private void setUpTheClinic(Page admin, CapturedOutput log) {
        browser.open(PORT, "/");
        assertThat(admin).hasURL(Pattern.compile(".*/setup$"));
        assertThat(heading(admin, "Set up your clinic")).isVisible();
        assertThat(admin.getByText("Tandem has no clinic yet.")).isVisible();
        Matcher code = SETUP_CODE.matcher(log.getAll());
        assertThat(code.find()).as("the setup code is in the log").isTrue();
        admin.getByLabel("Setup code").fill(code.group(1));
        admin.getByLabel("Clinic name").fill(CLINIC);
        admin.getByLabel("Your name").fill(ADMIN);
        admin.getByLabel("Your e-mail").fill(ADMIN_EMAIL);
        field(admin, "Password").fill(ADMIN_PASSPHRASE);
        field(admin, "Repeat the password").fill(ADMIN_PASSPHRASE);
        browser.screenshot("fresh-clinic-setup");
        admin.getByRole(AriaRole.BUTTON, named("Create clinic")).click();

        browser.assertOnLoginPage();
        assertThat(admin.getByText("Your clinic is ready. Sign in with the e-mail and password you chose."))
                .isVisible();
        browser.open(PORT, "/setup");
        browser.assertOnLoginPage(); // done once, never again

        browser.signIn(PORT, ADMIN_EMAIL, ADMIN_PASSPHRASE);
        assertThat(admin).hasURL(at("users"));
        assertThat(browser.navbar().getByText(ADMIN, exact())).isVisible();
        assertThat(heading(admin, "Users")).isVisible();
        assertThat(admin.locator("vaadin-grid").getByText(ADMIN_EMAIL, exact())).isVisible();
        assertThat(admin.getByRole(AriaRole.BUTTON, named("Invite staff"))).isVisible();
    }

    /** A small practice's admin sees couples too: the Therapist role, from the next request on. */
    private void takeTheTherapistRoleToo(Page admin) {
        admin.locator("vaadin-grid").getByText(ADMIN_EMAIL, exact()).click();
        assertThat(heading(admin, ADMIN)).isVisible();
        assertThat(admin.getByText("This is your own account.")).isVisible();
        admin.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Therapist")).check();
        admin.getByRole(AriaRole.BUTTON, named("Save roles")).click();
        assertThat(admin.getByText("Saved.", new Page.GetByTextOptions().setExact(true))).isVisible();

        // Within the same tab: the menu is drawn anew for the roles the admin now holds.
        admin.getByRole(AriaRole.LINK, named("Back to Users")).click();
        Locator caseload = admin.locator("vaadin-side-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Caseload").setExact(true));
        assertThat(caseload).isVisible();
        caseload.click();
        assertThat(heading(admin, "Caseload")).isVisible();
        assertThat(admin.getByText("No couples on your caseload yet. Add one with \"New couple\"")).isVisible();
    }

    private void requireASecondFactorOfStaff(Page admin) {
        browser.open(PORT, "/clinic/settings");
        assertThat(admin.getByText("Now: a second factor is optional.")).isVisible();
        admin.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Second factor required for staff"))
                .check();
        admin.getByRole(AriaRole.BUTTON, named("Save sign-in policy")).click();
        assertThat(admin.getByText("Now: staff must use a second factor.")).isVisible();
    }

    /** Invites the therapist on the Users page; returns the link the dialog shows to copy. */
    private String inviteTheTherapist(Page admin) {
        browser.open(PORT, "/users");
        admin.getByRole(AriaRole.BUTTON, named("Invite staff")).click();
        Locator dialog = admin.getByRole(AriaRole.DIALOG);
        assertThat(dialog.getByText("Invite a staff member")).isVisible();
        dialog.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill(THERAPIST);
        dialog.getByLabel("E-mail", new Locator.GetByLabelOptions().setExact(true)).fill(THERAPIST_EMAIL);
        dialog.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Therapist")).check();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create invitation link")).click();

        assertThat(dialog.getByText("Invitation for " + THERAPIST + " created.")).isVisible();
        assertThat(dialog.getByText("The link has also been e-mailed to them.")).isVisible();
        Locator link = dialog.getByLabel("Invitation link");
        assertThat(link).hasValue(Pattern.compile("^http://localhost:" + PORT + "/invitation/.+"));
        String shown = link.inputValue();
        browser.screenshot("fresh-clinic-invitation");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();

        assertThat(admin.getByText(THERAPIST + " · " + THERAPIST_EMAIL + " · Therapist")).isVisible();
        return shown;
    }

    /** Waits for the invitation to arrive, checks that it says nothing clinical, and takes its link. */
    private String theMailedLink() {
        browser.page().waitForCondition(() -> !mail.receivedBy(THERAPIST_EMAIL).isEmpty(),
                new Page.WaitForConditionOptions().setTimeout(20_000));
        List<MimeMessage> received = mail.receivedBy(THERAPIST_EMAIL);
        assertThat(received).hasSize(1);
        String body = TestMail.text(received.getFirst());
        assertThat(subject(received.getFirst())).isEqualTo("Your invitation to Tandem");
        assertThat(body).contains("You have been invited to create your account on Tandem.");
        for (String clinical : CLINICAL_WORDS) {
            assertThat(body).doesNotContainIgnoringCase(clinical);
        }
        Matcher link = Pattern.compile("http://localhost:" + PORT + "/invitation/\\S+").matcher(body);
        assertThat(link.find()).as("the mail holds the invitation link:%n%s", body).isTrue();
        return link.group();
    }

    /**
     * The therapist opens the mailed link, chooses a passphrase and, as the clinic requires, enrols first; returns
     * the secret their authenticator app would keep.
     */
    private byte[] acceptAndEnrol(Page therapist, String link) {
        therapist.navigate(link);
        assertThat(heading(therapist, "Welcome, Tomas")).isVisible();
        assertThat(therapist.getByText(CLINIC + " has invited you to Tandem.")).isVisible();
        field(therapist, "Password").fill(THERAPIST_PASSPHRASE);
        field(therapist, "Repeat the password").fill(THERAPIST_PASSPHRASE);
        therapist.getByRole(AriaRole.BUTTON, named("Create my account")).click();

        assertThat(therapist).hasURL(at("account/second-factor"));
        assertThat(therapist.getByText("Your clinic asks every staff member to use a second factor.")).isVisible();
        assertThat(therapist.getByAltText("QR code to scan with your authenticator app")).isVisible();
        BrowserSupport.screenshot(therapist, "fresh-clinic-enrolment");
        // The key as the page shows it for typing into the app.
        String typedKey = therapist.getByText(Pattern.compile("^[A-Z2-7]{4}( [A-Z2-7]{4})+$")).textContent().strip();
        byte[] secret = TotpCodes.secret(typedKey);
        therapist.getByLabel("6-digit code").fill(TotpCodes.code(secret, clock.instant()));
        therapist.getByRole(AriaRole.BUTTON, named("Turn on")).click();
        assertThat(therapist.getByText("Your second factor is on. Keep your recovery codes")).isVisible();
        assertThat(therapist.locator("main li")).hasCount(10);
        therapist.getByRole(AriaRole.BUTTON, named("I have kept my codes")).click();

        assertThat(therapist).hasURL(at("caseload"));
        assertThat(BrowserSupport.navbar(therapist).getByText(THERAPIST, exact())).isVisible();
        assertThat(therapist.getByText("No couples on your caseload yet. Add one with \"New couple\"")).isVisible();
        return secret;
    }

    /** Out and in again: the passphrase, then a code of the next 30-second step (a code works only once). */
    private void signInAgainWithACode(Page therapist, byte[] secret) {
        BrowserSupport.signOut(therapist);
        BrowserSupport.assertOnLoginPage(therapist);
        clock.advance(Duration.ofSeconds(30));

        BrowserSupport.signIn(therapist, PORT, THERAPIST_EMAIL, THERAPIST_PASSPHRASE);
        assertThat(therapist).hasURL(at("login/code"));
        assertThat(therapist.getByText("Enter your code")).isVisible();
        therapist.getByLabel("Code").fill(TotpCodes.code(secret, clock.instant()));
        therapist.getByRole(AriaRole.BUTTON, named("Continue")).click();
        assertThat(therapist).hasURL(at("caseload"));
        assertThat(BrowserSupport.navbar(therapist).getByText(THERAPIST, exact())).isVisible();
    }

    /** A couple on the therapist's caseload; the caseload stays open in this browser afterwards. */
    private void createACouple(Page therapist) {
        therapist.getByRole(AriaRole.BUTTON, named("New couple")).click();
        assertThat(heading(therapist, "New couple")).isVisible();
        Locator.GetByLabelOptions exactField = new Locator.GetByLabelOptions().setExact(true);
        therapist.locator("fieldset").filter(new Locator.FilterOptions().setHasText("Partner 1"))
                .getByLabel("Full name", exactField).fill(PARTNER_ONE);
        therapist.locator("fieldset").filter(new Locator.FilterOptions().setHasText("Partner 2"))
                .getByLabel("Full name", exactField).fill(PARTNER_TWO);
        therapist.getByRole(AriaRole.BUTTON, named("Create couple")).click();
        assertThat(therapist.getByText("Couple created. You are their primary therapist.")).isVisible();
        assertThat(therapist.locator("main")).containsText(PARTNER_ONE);

        // Messages work in a clinic made by the setup page too: the couple's threads are made when first opened.
        therapist.waitForURL(Pattern.compile(".*/couples/\\d+$"));
        therapist.navigate(therapist.url() + "/messages");
        assertThat(therapist.getByRole(AriaRole.HEADING, named("Joint thread"))).isVisible();
        Locator joint = therapist.locator("[id^=thread-]").first();
        joint.locator("vaadin-text-area textarea").fill("Welcome to Tandem, both of you.");
        joint.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send").setExact(true)).click();
        assertThat(joint).containsText("Welcome to Tandem, both of you.");
        // the bell is in the app bar of a fresh clinic as well
        assertThat(therapist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                Pattern.compile("^Notifications")))).isVisible();

        therapist.navigate(BrowserSupport.url(PORT, "/caseload"));
        Locator grid = therapist.locator("vaadin-grid");
        assertThat(grid.getByText(PARTNER_ONE, exact())).isVisible();
        assertThat(grid.getByText(PARTNER_TWO, exact())).isVisible();
        BrowserSupport.screenshot(therapist, "fresh-clinic-therapist-caseload");
    }

    private void deactivateTheTherapist(Page admin) {
        browser.open(PORT, "/users");
        admin.locator("vaadin-grid").getByText(THERAPIST_EMAIL, exact()).click();
        assertThat(heading(admin, THERAPIST)).isVisible();
        assertThat(admin.getByText("Can sign in.")).isVisible();
        assertThat(admin.getByText(PARTNER_ONE + " & " + PARTNER_TWO + " · Intake · primary therapist")).isVisible();
        admin.getByRole(AriaRole.BUTTON, named("Deactivate")).click();
        assertThat(admin.getByText("Deactivated: cannot sign in.")).isVisible();
    }

    /** All the departing therapist's couples to the admin, who now finds them on their own caseload. */
    private void reassignTheCaseloadToTheAdmin(Page admin) {
        assertThat(admin.getByText("This account is deactivated and still has 1 couple. Reassign them to a "
                + "colleague.")).isVisible();
        admin.getByLabel("Reassign all to").click();
        admin.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(ADMIN)).click();
        admin.getByRole(AriaRole.BUTTON, named("Reassign the couple")).click();
        assertThat(admin.getByText("1 couple reassigned to " + ADMIN + ".")).isVisible();
        assertThat(admin.getByText("No couples on this caseload.")).isVisible();
        browser.screenshot("fresh-clinic-reassigned");

        browser.open(PORT, "/caseload");
        Locator grid = admin.locator("vaadin-grid");
        assertThat(grid.getByText(PARTNER_ONE, exact())).isVisible();
        assertThat(grid.getByText(PARTNER_TWO, exact())).isVisible();
        grid.getByText(PARTNER_ONE, exact()).click();
        assertThat(admin).hasURL(Pattern.compile(".*/couples/\\d+$"));
        assertThat(admin.locator("main")).containsText(PARTNER_ONE);
        browser.screenshot("fresh-clinic-admin-caseload");
    }

    /**
     * The URL of a page, perhaps with Spring Security's {@code ?continue}: a sign-in goes back to the page first asked
     * for ("/"), which sends each person on to their own.
     */
    private static Pattern at(String path) {
        return Pattern.compile(".*/" + path + "(\\?continue)?$");
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, named(name));
    }

    /** A password field by its exact label (the page has "Password" and "Repeat the password"). */
    private static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private static Locator.GetByTextOptions exact() {
        return new Locator.GetByTextOptions().setExact(true);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
