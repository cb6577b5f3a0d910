package org.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.e2e.BrowserSupport.DEMO_PASSWORD;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.support.DemoTest;

/** The therapist reads the caseload's balance chips and puts the couples that need attention first. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class CaseloadAlertsIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Test
    @DisplayName("the therapist sees zone chips and alert counts, sorts by needs attention, and the grid fits 1280 px")
    void caseloadAlerts() {
        browser.signIn(port, "therapist@example.com", DEMO_PASSWORD);
        Page page = browser.open(port, "/caseload");
        Locator grid = page.locator("vaadin-grid");
        assertThat(page.locator(".caseload-zone").first()).isVisible();
        assertThat(page.locator(".caseload-zone", new Page.LocatorOptions().setHasText("Balanced ↑")).first())
                .isVisible();

        page.locator("#caseload-needs-attention-first").click();
        // The first row after sorting carries the largest alert count.
        Locator counts = page.locator(".caseload-alerts");
        assertThat(counts.first()).isVisible();
        // Waits for the re-sorted rows instead of a fixed pause; fails with the counts shown if they never come.
        page.waitForCondition(() -> {
            List<Integer> shown = counts.allTextContents().stream().map(text -> Integer.parseInt(text.strip()))
                    .toList();
            return !shown.isEmpty() && shown.stream().allMatch(count -> count <= shown.getFirst());
        }, new Page.WaitForConditionOptions().setTimeout(BrowserSupport.DEFAULT_TIMEOUT_MS));

        Object fits = grid.evaluate("grid => { const table = grid.shadowRoot.querySelector('#table');"
                + " return table.scrollWidth <= table.clientWidth; }");
        browser.screenshot("caseload-alerts");
        assertThat(fits).as("no horizontal scrolling at 1280 px").isEqualTo(true);

        page.locator("#caseload-needs-attention").click();
        assertThat(page.locator(".caseload-alerts").first()).isVisible();
    }
}
