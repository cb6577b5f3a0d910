package org.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.e2e.BrowserSupport.DEMO_PASSWORD;
import static org.tandem.jooq.Tables.ACCOUNT;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.jooq.tables.records.AccountRecord;
import org.tandem.notifications.NewNotification;
import org.tandem.notifications.NotificationKind;
import org.tandem.notifications.Notifications;
import org.tandem.support.DemoTest;
import org.tandem.support.TestData;

/** Alex's bell on a 360 px phone: a new notification raises the count without a reload, and opens its page. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class NotificationBellIT {

    private static final Pattern UNREAD = Pattern.compile("Notifications, (\\d+|none) unread");

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired DSLContext dsl;
    @Autowired Notifications notifications;
    @Autowired PlatformTransactionManager transactions;

    private static int unread(Locator bell) {
        Matcher label = UNREAD.matcher(String.valueOf(bell.getAttribute("aria-label")));
        assertThat(label.matches()).as("the bell's label").isTrue();
        return label.group(1).equals("none") ? 0 : Integer.parseInt(label.group(1));
    }

    @Test
    @DisplayName("Alex's bell counts a new notification live, lists it on a phone and opens its page")
    void bellOnAPhone() {
        AccountRecord alex = dsl.selectFrom(ACCOUNT).where(ACCOUNT.EMAIL.eq("alex@example.com")).fetchSingle();
        long couple = TestData.coupleOf(dsl, "Alex Morgan");
        browser.openContext(options -> options.setViewportSize(360, 740).setIsMobile(true).setHasTouch(true));
        browser.signIn(port, "alex@example.com", DEMO_PASSWORD);
        Page page = browser.page();
        Locator bell = page.locator("#notification-bell");
        assertThat(bell).isVisible();
        int before = unread(bell);

        new TransactionTemplate(transactions).executeWithoutResult(status -> notifications.send(List.of(
                new NewNotification(alex.getClinicId(), alex.getId(), NotificationKind.GOAL_MILESTONE_REACHED,
                        couple, "goals", "First small step", null))));

        assertThat(bell).hasAttribute("aria-label", "Notifications, " + (before + 1) + " unread");
        bell.click();
        Locator row = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("A goal milestone was reached: First small step"));
        assertThat(row).isVisible();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("sideways scrolling at 360 px").isLessThanOrEqualTo(0);
        Object rowOverflow = row.evaluate("button => button.scrollWidth - button.clientWidth");
        assertThat(((Number) rowOverflow).intValue()).as("the row's text wraps").isLessThanOrEqualTo(0);
        browser.screenshot("notification-bell-360");

        row.click();

        assertThat(page).hasURL(Pattern.compile(".*/goals$"));
        assertThat(bell).hasAttribute("aria-label", before == 0 ? "Notifications, none unread"
                : "Notifications, " + before + " unread");
    }
}
