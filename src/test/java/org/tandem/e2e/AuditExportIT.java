package org.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.audit.AuditLogService;
import org.tandem.support.DemoTest;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.TestClock;

/**
 * The audit log's CSV export in a real browser once the admin's passphrase is more than 5 minutes old: the page offers
 * a button, not the download; the button asks for the passphrase, a wrong one is said beside the field, and after the
 * right one the download link takes its place and the file arrives.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class AuditExportIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;

    @Test
    @DisplayName("a stale passphrase is asked for before the audit log's CSV downloads")
    void the_admin_confirms_her_passphrase_then_downloads_the_csv() throws Exception {
        Person[] admin = new Person[1];
        fixtures.committed(() -> admin[0] = fixtures.admin(fixtures.clinic("Riverside Counselling"), "Morgan Ellis"));
        browser.signIn(port, admin[0].email(), Fixtures.PASSWORD);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        Page page = browser.open(port, "/audit");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export CSV"))).hasCount(0);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export CSV")).click();
        assertThat(page.getByText("Confirm your passphrase")).isVisible();

        page.locator("vaadin-password-field input").fill("not my passphrase");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
        assertThat(page.getByText("That is not your passphrase.")).isVisible();
        browser.screenshot("reauthentication-wrong-passphrase");

        page.locator("vaadin-password-field input").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
        Download download = page.waitForDownload(
                () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export CSV")).click());

        List<String> lines = Files.readAllLines(download.path());
        org.assertj.core.api.Assertions.assertThat(lines).isNotEmpty();
        org.assertj.core.api.Assertions.assertThat(lines.getFirst())
                .isEqualTo(String.join(",", AuditLogService.CSV_HEADER));
        org.assertj.core.api.Assertions.assertThat(lines)
                .anyMatch(line -> line.contains(",auth.reauthenticate,") && line.contains(",FAILURE,"));
    }
}
