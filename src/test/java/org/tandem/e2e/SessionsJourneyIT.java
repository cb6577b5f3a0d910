package org.tandem.e2e;

import org.tandem.support.TestClock;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.e2e.BrowserSupport.DEMO_PASSWORD;
import static org.tandem.jooq.Tables.PARTNER;

import biweekly.Biweekly;
import biweekly.ICalendar;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
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

/** The therapist schedules sessions, marks one held, writes its private note; the partner sees the next one. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class SessionsJourneyIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired TestClock clock;

    @Autowired
    DSLContext dsl;

    /** Sets the pickers' values as ISO strings, as the components do themselves: independent of the locale. */
    private void schedule(Page page, LocalDate date, String time) {
        page.locator("vaadin-date-picker").evaluate("(picker, value) => picker.value = value", date.toString());
        page.locator("vaadin-time-picker").evaluate("(picker, value) => picker.value = value", time);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule session")).click();
    }

    private static String readAll(Download download) {
        try (var in = download.createReadStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    @Test
    @DisplayName("the therapist schedules, marks held and writes a note; the partner sees the next session")
    void sessionsJourney() {
        long couple = dsl.select(PARTNER.COUPLE_ID).from(PARTNER).where(PARTNER.FULL_NAME.eq("Alex Morgan"))
                .fetchSingle(PARTNER.COUPLE_ID);
        // The demo gives Alex and Sam months of sessions; this journey starts them afresh in its own test database.
        dsl.deleteFrom(org.tandem.jooq.Tables.CHECK_IN_ANSWER).where(org.tandem.jooq.Tables.CHECK_IN_ANSWER.CHECK_IN_ID.in(
                dsl.select(org.tandem.jooq.Tables.CHECK_IN.ID).from(org.tandem.jooq.Tables.CHECK_IN)
                        .where(org.tandem.jooq.Tables.CHECK_IN.COUPLE_ID.eq(couple)))).execute();
        dsl.deleteFrom(org.tandem.jooq.Tables.CHECK_IN).where(org.tandem.jooq.Tables.CHECK_IN.COUPLE_ID.eq(couple)).execute();
        dsl.deleteFrom(org.tandem.jooq.Tables.SESSION_NOTE).where(org.tandem.jooq.Tables.SESSION_NOTE.SESSION_ID.in(
                dsl.select(org.tandem.jooq.Tables.COUPLE_SESSION.ID).from(org.tandem.jooq.Tables.COUPLE_SESSION)
                        .where(org.tandem.jooq.Tables.COUPLE_SESSION.COUPLE_ID.eq(couple)))).execute();
        dsl.deleteFrom(org.tandem.jooq.Tables.COUPLE_SESSION)
                .where(org.tandem.jooq.Tables.COUPLE_SESSION.COUPLE_ID.eq(couple)).execute();
        browser.signIn(port, "therapist@example.com", DEMO_PASSWORD);
        Page page = browser.page();
        page.navigate(BrowserSupport.url(port, "/couples/" + couple + "/sessions"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Schedule a session")))
                .isVisible();

        schedule(page, LocalDate.now(clock).plusDays(3), "17:00");
        Locator cards = page.locator("[id^=session-]");
        assertThat(cards).hasCount(1);
        schedule(page, LocalDate.now(clock).minusDays(1), "10:00");
        assertThat(cards).hasCount(2);

        Locator past = cards.nth(1);
        past.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark held")).click();
        assertThat(past.getByText("Held", new Locator.GetByTextOptions().setExact(true))).isVisible();

        past.getByText("Private note").click();
        assertThat(past.getByText("Only the couple's therapists can read this note", new Locator.GetByTextOptions()))
                .isVisible();
        Locator note = past.locator("vaadin-text-area textarea");
        note.click();
        note.pressSequentially("Practised the speaker-listener technique.");
        assertThat(past.getByText(Pattern.compile("^Saved "))).isVisible();
        browser.screenshot("sessions-note-saved");

        page.reload();
        Locator reloaded = page.locator("[id^=session-]").nth(1);
        reloaded.getByText("Private note (written)").click();
        assertThat(reloaded.locator("vaadin-text-area textarea"))
                .hasValue("Practised the speaker-listener technique.");

        page.navigate(BrowserSupport.url(port, "/schedule"));
        assertThat(page.locator("vaadin-grid").getByText("Alex Morgan & Samira Patel")).isVisible();
        assertThat(page.getByText("Download calendar (.ics)")).isVisible();
        browser.screenshot("schedule");
        Download download = page.waitForDownload(() -> page.getByText("Download calendar (.ics)").click());
        assertThat(download.suggestedFilename()).isEqualTo("tandem-sessions.ics");
        ICalendar calendar = Biweekly.parse(readAll(download)).first();
        assertThat(calendar.getEvents()).extracting(event -> event.getSummary().getValue())
                .contains("Session: A.M. & S.P."); // the clinic's default: initials only

        browser.openContext(options -> {}); // the partner, in a browser of their own
        browser.signIn(port, "alex@example.com", DEMO_PASSWORD);
        assertThat(browser.page().getByText(Pattern.compile("^Your next session: .* at .*, in person, 50 minutes\\.$")))
                .isVisible();
        browser.screenshot("workbook-next-session");
    }
}
