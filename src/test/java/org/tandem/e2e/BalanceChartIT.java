package org.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.e2e.BrowserSupport.DEMO_PASSWORD;
import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.CHECK_IN_ANSWER;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.support.DemoTest;
import org.tandem.support.TestData;

/** The therapist reads Alex and Sam's balance charts on the Overview, on a desktop and on a phone. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class BalanceChartIT {

    static final List<String> CHARTS = List.of("balance-chart-scores", "balance-chart-closeness", "balance-chart-plane");

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired
    DSLContext dsl;

    /** Scored subscales of the couple's submitted check-ins: a subscale is scored with at most one answer missing. */
    int scoredSubscales(long couple) {
        var answered = DSL.count();
        var subscale = DSL.left(CHECK_IN_ANSWER.ITEM_CODE.coerce(String.class), DSL.inline(1));
        return dsl.select(CHECK_IN_ANSWER.CHECK_IN_ID, subscale, answered)
                .from(CHECK_IN_ANSWER).join(CHECK_IN).on(CHECK_IN.ID.eq(CHECK_IN_ANSWER.CHECK_IN_ID))
                .where(CHECK_IN.COUPLE_ID.eq(couple), CHECK_IN.SUBMITTED_AT.isNotNull())
                .groupBy(CHECK_IN_ANSWER.CHECK_IN_ID, subscale)
                .having(answered.ge(4))
                .fetch().size();
    }

    Page overview(long couple) {
        browser.signIn(port, "therapist@example.com", DEMO_PASSWORD);
        Page page = browser.page();
        assertThat(page).not().hasURL(Pattern.compile(".*/login(\\?.*)?$"));
        browser.open(port, "/couples/" + couple);
        for (String id : CHARTS) {
            Locator canvas = page.locator("#" + id + " canvas");
            assertThat(canvas).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                    .setTimeout(BrowserSupport.FIRST_LOAD_TIMEOUT_MS));
        }
        return page;
    }

    static int number(Page page, String script) {
        return ((Number) page.evaluate(script)).intValue();
    }

    @Test
    @DisplayName("The therapist opens Alex and Sam's Overview: three charts drawn, every scored check-in a point")
    void chartsOnTheDesktop() {
        long couple = TestData.coupleOf(dsl, "Alex Morgan");
        Page page = overview(couple);

        for (String id : CHARTS) {
            int drawn = number(page, "() => { const c = document.querySelector('#" + id
                    + "').shadowRoot.querySelector('canvas'); return c.width > 0 && c.height > 0"
                    + " ? c.toDataURL().length : 0; }");
            assertThat(drawn).as(id + " drawn (PNG size of the canvas)").isGreaterThan(3000);
        }
        // The four score lines hold one point per scored subscale of every submitted check-in.
        int points = number(page, "() => document.querySelector('#balance-chart-scores').config.data.datasets"
                + ".slice(0, 4).reduce((sum, set) => sum + set.data.length, 0)");
        assertThat(points).isEqualTo(scoredSubscales(couple)).isGreaterThan(0);
        int lines = number(page, "() => document.querySelector('#balance-chart-scores').config.data.datasets.length");
        assertThat(lines).as("four lines and the threshold").isEqualTo(5);
        int paths = number(page, "() => document.querySelector('#balance-chart-plane').config.data.datasets"
                + ".filter(set => !set.tandemNoLegend).length");
        assertThat(paths).as("a path per partner").isEqualTo(2);
        int bandAt = number(page,
                "() => document.querySelector('#balance-chart-scores').config.options.plugins.tandemAreas[0].yMin");
        assertThat(bandAt).isEqualTo(60);

        page.locator("#balance-chart-scores").scrollIntoViewIfNeeded();
        browser.screenshot("balance-charts-desktop");
    }

    @Test
    @DisplayName("On a 390 px phone the charts fit the screen without sideways scrolling")
    void chartsOnAPhone() {
        browser.openContext(options -> options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
        long couple = TestData.coupleOf(dsl, "Alex Morgan");
        Page page = overview(couple);

        for (String id : CHARTS) {
            int width = number(page, "() => document.querySelector('#" + id + "').getBoundingClientRect().width");
            assertThat(width).as(id + " width on a phone").isBetween(200, 390);
        }
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("sideways scrolling on a phone, in px").isLessThanOrEqualTo(0);
        page.locator("#balance-chart-scores").scrollIntoViewIfNeeded();
        browser.screenshot("balance-charts-phone");
    }
}
