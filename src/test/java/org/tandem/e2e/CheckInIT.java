package org.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.e2e.BrowserSupport.DEMO_PASSWORD;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.PARTNER;

import org.tandem.sessions.Modality;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
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
import org.tandem.support.TestClock;
import org.tandem.balance.BalanceScoring;
import org.tandem.balance.CheckInAnswers;
import org.tandem.balance.Item;
import org.tandem.balance.Scores;
import org.tandem.support.TestData;

/**
 * A partner completes the balance check-in on a phone: one screen, large targets, saved as tapped; the therapist then
 * finds it on the Overview's charts and in the CSV and PDF.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class CheckInIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired TestClock clock;

    @Autowired
    DSLContext dsl;

    @Test
    @DisplayName("Alex opens the check-in from My workbook on a phone, answers all eleven and submits")
    void checkInOnAPhone() {
        long couple = TestData.coupleOf(dsl, "Alex Morgan");
        long therapist = dsl.select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.EMAIL.eq("therapist@example.com"))
                .fetchSingle(ACCOUNT.ID);
        long clinic = dsl.select(PARTNER.CLINIC_ID).from(PARTNER).where(PARTNER.COUPLE_ID.eq(couple)).limit(1)
                .fetchSingle(PARTNER.CLINIC_ID);
        dsl.insertInto(COUPLE_SESSION)
                .set(COUPLE_SESSION.CREATED_AT, TestClock.START_AT)
                .set(COUPLE_SESSION.CLINIC_ID, clinic)
                .set(COUPLE_SESSION.COUPLE_ID, couple)
                .set(COUPLE_SESSION.STARTS_AT, OffsetDateTime.now(clock).plusHours(30).truncatedTo(ChronoUnit.HOURS))
                .set(COUPLE_SESSION.DURATION_MINUTES, 50)
                .set(COUPLE_SESSION.MODALITY, Modality.VIDEO)
                .set(COUPLE_SESSION.CREATED_BY, therapist)
                .execute();

        browser.openContext(options -> options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
        browser.signIn(port, "alex@example.com", DEMO_PASSWORD);
        Page page = browser.page();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start")).first().click();
        assertThat(page.getByText("0 of 11 answered")).isVisible();
        browser.screenshot("check-in-phone");

        long started = System.nanoTime();
        String[] items = {"I1", "C1", "I2", "C2", "I3", "C3", "I4", "C4", "I5", "C5"};
        for (int index = 0; index < items.length; index++) {
            Locator block = page.locator("#statement-block-" + items[index]);
            block.getByRole(AriaRole.BUTTON).nth(index % 7).click();
            assertThat(page.getByText((index + 1) + " of 11 answered")).isVisible();
        }
        page.locator("#closeness").getByRole(AriaRole.BUTTON).nth(4).click();
        assertThat(page.getByText("11 of 11 answered")).isVisible();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("sideways scrolling on a phone, in px").isLessThanOrEqualTo(0);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit").setExact(true)).click();
        assertThat(page.getByText("Thank you for checking in", new Page.GetByTextOptions())).isVisible();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        browser.screenshot("check-in-submitted-phone");
        System.out.println("Check-in: eleven answers and submit took " + seconds + " s of machine clicking");

        assertThat(dsl.fetchExists(CHECK_IN, CHECK_IN.COUPLE_ID.eq(couple), CHECK_IN.SUBMITTED_AT.isNotNull(),
                CHECK_IN.CLOSENESS.eq((short) 5))).isTrue();

        therapistSeesTheNewCheckIn(couple);
    }

    /** The therapist's Overview draws Alex's new check-in on the chart and the plane; the CSV and PDF download. */
    private void therapistSeesTheNewCheckIn(long couple) {
        Map<Item, Integer> tapped = new EnumMap<>(Item.class);
        Item[] order = {Item.I1, Item.C1, Item.I2, Item.C2, Item.I3, Item.C3, Item.I4, Item.C4, Item.I5, Item.C5};
        for (int index = 0; index < order.length; index++) {
            tapped.put(order[index], index % 7);
        }
        Scores expected = BalanceScoring.score(CheckInAnswers.of(tapped, 5));
        BigDecimal independence = Objects.requireNonNull(expected.independence());
        BigDecimal intimacy = Objects.requireNonNull(expected.intimacy());

        browser.openContext(options -> options.setViewportSize(1280, 900));
        browser.signIn(port, "therapist@example.com", DEMO_PASSWORD);
        Page page = browser.page();
        browser.open(port, "/couples/" + couple);
        assertThat(page.locator("#balance-chart-plane canvas")).isVisible(
                new LocatorAssertions.IsVisibleOptions().setTimeout(BrowserSupport.FIRST_LOAD_TIMEOUT_MS));

        String alexLast = "(id, field) => { const set = document.querySelector(id).config.data.datasets"
                + ".find(s => s.label.includes('Alex')); return set.data[set.data.length - 1][field]; }";
        Object planeX = page.evaluate("(" + alexLast + ")('#balance-chart-plane', 'x')");
        Object planeY = page.evaluate("(" + alexLast + ")('#balance-chart-plane', 'y')");
        assertThat(((Number) planeX).doubleValue()).as("Alex's latest point on the plane: independence")
                .isEqualTo(independence.doubleValue());
        assertThat(((Number) planeY).doubleValue()).as("Alex's latest point on the plane: intimacy")
                .isEqualTo(intimacy.doubleValue());
        Object lineY = page.evaluate("(" + alexLast + ")('#balance-chart-scores', 'y')");
        assertThat(((Number) lineY).doubleValue()).as("the last point of Alex's independence line")
                .isEqualTo(independence.doubleValue());
        page.locator("#balance-chart-plane").scrollIntoViewIfNeeded();
        browser.screenshot("check-in-on-the-therapists-plane");

        Download csv = page.waitForDownload(() -> page.locator("#balance-export-csv").click());
        String rows = read(csv);
        assertThat(csv.suggestedFilename()).endsWith(".csv");
        assertThat(rows.lines().filter(row -> row.contains("Alex")).reduce((first, second) -> second).orElseThrow())
                .as("Alex's last CSV row carries the new scores")
                .contains(independence.toPlainString()).contains(intimacy.toPlainString());

        Download pdf = page.waitForDownload(() -> page.locator("#balance-export-pdf").click());
        assertThat(pdf.suggestedFilename()).endsWith(".pdf");
        assertThat(read(pdf)).startsWith("%PDF");
    }

    private static String read(Download download) {
        try {
            return Files.readString(download.path(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
