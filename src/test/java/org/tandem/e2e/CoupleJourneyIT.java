package org.tandem.e2e;

import org.tandem.support.TestClock;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.e2e.BrowserSupport.DEMO_PASSWORD;
import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.CHECK_IN_ANSWER;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.PARTNER;
import static org.tandem.jooq.Tables.SESSION_NOTE;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.regex.Matcher;
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

/**
 * Issue 3 end to end: the therapist's daily work on a couple (search, overview, sessions, a private note), and a
 * new couple whose partner accepts the invitation in a browser of their own and lands on My workbook.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class CoupleJourneyIT {

    private static final Pattern COUPLE_URL = Pattern.compile(".*/couples/(\\d+)$");

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired TestClock clock;

    @Autowired
    DSLContext dsl;

    private static Locator.GetByTextOptions exact() {
        return new Locator.GetByTextOptions().setExact(true);
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    /**
     * A grid cell showing exactly this text; the grid keeps rows it no longer needs in the page, hidden. The text is
     * escaped by hand: the pattern runs as a JavaScript RegExp, which knows no {@code \Q...\E} of Pattern.quote.
     */
    private static Locator visibleCell(Locator grid, String text) {
        String escaped = text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
        return grid.locator("vaadin-grid-cell-content:visible")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^" + escaped + "$")));
    }

    private Page signInAsTherapist() {
        browser.signIn(port, "therapist@example.com", DEMO_PASSWORD);
        Page page = browser.page();
        assertThat(page).hasURL(Pattern.compile(".*/caseload$"));
        assertThat(page.getByRole(AriaRole.HEADING, named("Caseload"))).isVisible();
        return page;
    }

    /** Opens a tab of the couple's page as a user does: by clicking it. */
    private static void openTab(Page page, String name) {
        page.getByRole(AriaRole.TAB, named(name)).getByRole(AriaRole.LINK).click();
        assertThat(page.getByRole(AriaRole.TAB, named(name))).hasAttribute("aria-selected", "true");
    }

    /** Sets the pickers' values as ISO strings, as the components do themselves: independent of the locale. */
    private static void schedule(Page page, LocalDate date, String time) {
        page.locator("vaadin-date-picker").evaluate("(picker, value) => picker.value = value", date.toString());
        page.locator("vaadin-time-picker").evaluate("(picker, value) => picker.value = value", time);
        page.getByRole(AriaRole.BUTTON, named("Schedule session")).click();
    }

    @Test
    @DisplayName("the therapist searches the caseload, opens a couple, schedules sessions, marks one held, writes a note")
    void therapistDailyWork() {
        long okafors = dsl.select(PARTNER.COUPLE_ID).from(PARTNER).where(PARTNER.FULL_NAME.eq("Daniel Okafor"))
                .fetchSingle(PARTNER.COUPLE_ID);
        // The demo gives every couple a history of sessions; this journey starts the Okafors' afresh.
        dsl.deleteFrom(CHECK_IN_ANSWER).where(CHECK_IN_ANSWER.CHECK_IN_ID.in(
                dsl.select(CHECK_IN.ID).from(CHECK_IN).where(CHECK_IN.COUPLE_ID.eq(okafors)))).execute();
        dsl.deleteFrom(CHECK_IN).where(CHECK_IN.COUPLE_ID.eq(okafors)).execute();
        dsl.deleteFrom(SESSION_NOTE).where(SESSION_NOTE.SESSION_ID.in(
                dsl.select(COUPLE_SESSION.ID).from(COUPLE_SESSION).where(COUPLE_SESSION.COUPLE_ID.eq(okafors))))
                .execute();
        dsl.deleteFrom(COUPLE_SESSION).where(COUPLE_SESSION.COUPLE_ID.eq(okafors)).execute();

        Page page = signInAsTherapist();
        Locator grid = page.locator("vaadin-grid");
        assertThat(visibleCell(grid, "Alex Morgan")).hasCount(1);

        page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill("Okafor");
        assertThat(visibleCell(grid, "Alex Morgan")).hasCount(0);
        assertThat(visibleCell(grid, "Daniel Okafor (Dan)")).isVisible();
        assertThat(visibleCell(grid, "Grace Okafor")).isVisible();
        page.waitForCondition(() -> ((Number) grid.evaluate("grid => grid.size")).intValue() == 1);
        assertThat(grid.locator("vaadin-grid-cell-content:visible").filter(
                new Locator.FilterOptions().setHasText(Pattern.compile("Okafor")))).hasCount(2);
        browser.screenshot("caseload-search");

        visibleCell(grid, "Daniel Okafor (Dan)").click();
        assertThat(page).hasURL(Pattern.compile(".*/couples/" + okafors + "$"));
        assertThat(page.getByRole(AriaRole.TAB, named("Overview"))).hasAttribute("aria-selected", "true");
        assertThat(page.getByText("Together since", new Page.GetByTextOptions().setExact(true)).first()).isVisible();
        assertThat(page.getByText("Status history", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.locator("main")).containsText("2009");
        assertThat(page.locator("main")).containsText("Active");
        browser.screenshot("couple-overview");

        openTab(page, "Sessions");
        assertThat(page).hasURL(Pattern.compile(".*/couples/" + okafors + "/sessions$"));
        assertThat(page.getByRole(AriaRole.HEADING, named("Schedule a session"))).isVisible();
        schedule(page, LocalDate.now(clock).plusDays(5), "18:30");
        Locator cards = page.locator("[id^=session-]");
        assertThat(cards).hasCount(1);
        schedule(page, LocalDate.now(clock).minusDays(1), "09:00");
        assertThat(cards).hasCount(2);

        Locator yesterday = cards.nth(1);
        yesterday.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark held")).click();
        assertThat(yesterday.getByText("Held", exact())).isVisible();
        yesterday.getByText("Private note").click();
        Locator note = yesterday.locator("vaadin-text-area textarea");
        note.click();
        note.pressSequentially("Dan and Grace tried a soft start-up at home twice.");
        assertThat(yesterday.getByText(Pattern.compile("^Saved "))).isVisible();
        browser.screenshot("couple-sessions");

        page.reload();
        Locator reloaded = page.locator("[id^=session-]").nth(1);
        assertThat(reloaded.getByText("Held", exact())).isVisible();
        reloaded.getByText("Private note (written)").click();
        assertThat(reloaded.locator("vaadin-text-area textarea"))
                .hasValue("Dan and Grace tried a soft start-up at home twice.");
    }

    @Test
    @DisplayName("a new couple is created; partner 1 accepts the invitation in a fresh browser and sees My workbook")
    void newCoupleAndInvitation() {
        Page page = signInAsTherapist();
        page.getByRole(AriaRole.BUTTON, named("New couple")).click();
        assertThat(page).hasURL(Pattern.compile(".*/couples/new$"));
        assertThat(page.getByRole(AriaRole.HEADING, named("New couple"))).isVisible();

        Locator one = page.locator("fieldset").filter(new Locator.FilterOptions().setHasText("Partner 1"));
        Locator two = page.locator("fieldset").filter(new Locator.FilterOptions().setHasText("Partner 2"));
        Locator.GetByLabelOptions exactField = new Locator.GetByLabelOptions().setExact(true);
        one.getByLabel("Pronouns", exactField).fill("they/them");
        one.getByLabel("E-mail", exactField).fill("robin.e2e@example.com");
        two.getByLabel("Full name", exactField).fill("Jamie Ashdown");
        two.getByLabel("E-mail", exactField).fill("jamie.e2e@example.com");
        page.locator("#together-since").evaluate("(picker, value) => picker.value = value", "2018-06-01");
        page.getByRole(AriaRole.BUTTON, named("Create couple")).click();

        Locator missingName = page.locator("#partner-1-full-name");
        assertThat(missingName).hasAttribute("invalid", "");
        assertThat(missingName).containsText("Enter the partner's full name.");
        // The button is far below partner 1's name: the user is taken to the complaint, not left guessing.
        assertThat(missingName).isInViewport();
        assertThat(missingName).hasAttribute("focused", "");
        assertThat(page.locator("#partner-2-full-name")).not().containsText("Enter the partner's full name.");
        assertThat(page).hasURL(Pattern.compile(".*/couples/new$"));
        browser.screenshot("new-couple-form-error");

        one.getByLabel("Full name", exactField).fill("Robin Ashdown");
        page.getByRole(AriaRole.BUTTON, named("Create couple")).click();
        assertThat(page).hasURL(COUPLE_URL);
        Matcher url = COUPLE_URL.matcher(page.url());
        assertThat(url.matches()).isTrue();
        long couple = Long.parseLong(url.group(1));
        assertThat(page.getByRole(AriaRole.TAB, named("Overview"))).hasAttribute("aria-selected", "true");
        assertThat(page.locator("main")).containsText("Robin Ashdown");

        openTab(page, "Partners");
        assertThat(page).hasURL(Pattern.compile(".*/couples/" + couple + "/partners$"));
        Locator card = page.locator("#partner-1");
        assertThat(card).containsText("Robin Ashdown");
        assertThat(card).containsText("robin.e2e@example.com");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create invitation link")).click();
        Locator linkField = card.getByLabel("Invitation link", exactField);
        assertThat(linkField).isVisible();
        assertThat(linkField).hasValue(Pattern.compile("^http://localhost:" + port + "/.+"));
        String link = linkField.inputValue();
        browser.screenshot("partners-invitation-link");

        Page partner = browser.openContext(options -> {}); // Robin, in a browser of their own: no cookies
        assertThat(partner.context().cookies()).isEmpty();
        partner.navigate(link);
        assertThat(partner.getByRole(AriaRole.HEADING, named("Welcome, Robin"))).isVisible();
        Locator password = partner.locator("vaadin-password-field").nth(0);
        Locator confirm = partner.locator("vaadin-password-field").nth(1);
        password.locator("input").fill("password12345678");
        confirm.locator("input").fill("password12345678");
        partner.getByRole(AriaRole.BUTTON, named("Create my account")).click();
        assertThat(password).hasAttribute("invalid", "");
        assertThat(password).containsText("Add a few more unrelated words.");
        assertThat(partner).hasURL(link);
        browser.screenshot("accept-invitation");

        String passphrase = "lanterns hum over wet cobbles at nine";
        password.locator("input").fill(passphrase);
        confirm.locator("input").fill(passphrase);
        partner.getByRole(AriaRole.BUTTON, named("Create my account")).click();
        assertThat(partner).hasURL(Pattern.compile(".*/workbook$"));
        assertThat(partner.getByRole(AriaRole.HEADING, named("Welcome, Robin"))).isVisible();
        assertThat(partner.locator("main")).containsText("Jamie");
        browser.screenshot("partner-workbook");

        partner.navigate(link);
        assertThat(partner.getByText(
                "This invitation link has already been used. If you set up your account, sign in instead.")).isVisible();
        assertThat(partner.getByText("Welcome, Robin")).hasCount(0);
    }
}
