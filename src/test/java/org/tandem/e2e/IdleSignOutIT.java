package org.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.tandem.e2e.BrowserSupport.DEMO_PASSWORD;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PageAssertions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.tandem.jooq.Tables;
import org.tandem.support.TestClock;

/**
 * A tab left open without interaction is signed out after the idle timeout (15 minutes) although Vaadin's
 * heartbeats (every 2 s here) keep arriving, and a tab used within the timeout is not. Idleness is measured on the
 * application's clock, so the test moves that clock instead of waiting a quarter of an hour.
 *
 * <p>How it should go: the first heartbeat after the timeout finds the session idle; IdleSignOut ends it before
 * Spring Security reads it, Vaadin answers 403 "Session expired", and the client goes to {@code login?idle}. If an
 * error dispatch (Vaadin's {@code sendError(403)} forwards to {@code /error}) needed authentication, the 403 would
 * become a 302 to the login page, which the client reads as a healthy heartbeat (see SecurityConfig).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"tandem.security.idle-timeout=15m", "vaadin.heartbeatInterval=2",
            "vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class IdleSignOutIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired TestClock clock;
    @Autowired DSLContext dsl;

    /** The server's answers to the tab's heartbeats: they tell why a tab was (not) signed out. */
    private final List<Integer> heartbeats = new CopyOnWriteArrayList<>();

    private Page signedInOnTheCaseload() {
        browser.signIn(port, "therapist@example.com", DEMO_PASSWORD);
        Page page = browser.page();
        assertThat(page).hasURL(Pattern.compile(".*/caseload$"));
        assertThat(browser.navbar().getByText("Dr. Jordan Reyes", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        page.onResponse(response -> {
            if (response.url().contains("v-r=heartbeat")) {
                heartbeats.add(response.status());
            }
        });
        return page;
    }

    private void waitForHeartbeats(Page page, int count) {
        int before = heartbeats.size();
        page.waitForCondition(() -> heartbeats.size() >= before + count,
                new Page.WaitForConditionOptions().setTimeout(30_000));
    }

    private long idleSignOuts() {
        return dsl.fetchCount(Tables.AUDIT_EVENT, Tables.AUDIT_EVENT.ACTION.eq("auth.idle-sign-out"));
    }

    @Test
    @DisplayName("an idle tab ends up on the login page although heartbeats keep arriving, a used one stays")
    void idle_tab_is_signed_out_at_its_next_heartbeat() {
        Page page = signedInOnTheCaseload();
        long recordedBefore = idleSignOuts();

        // 14 minutes without interaction: heartbeats alone neither sign out nor count as interaction.
        clock.advance(Duration.ofMinutes(14));
        waitForHeartbeats(page, 2);
        assertThat(page).hasURL(Pattern.compile(".*/caseload$"));

        // A click is interaction: the quarter of an hour starts again from here.
        page.waitForResponse(response -> response.url().contains("v-r=uidl"),
                () -> page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill("Alex"));
        waitForHeartbeats(page, 2); // the search's own round trips are over before time moves on
        clock.advance(Duration.ofMinutes(14));
        waitForHeartbeats(page, 2);
        assertThat(page).hasURL(Pattern.compile(".*/caseload$"));

        clock.advance(Duration.ofMinutes(2));
        try {
            assertThat(page).hasURL(Pattern.compile(".*/login\\?idle$"),
                    new PageAssertions.HasURLOptions().setTimeout(30_000));
        } catch (AssertionError notSignedOut) {
            browser.screenshot("idle-not-signed-out");
            throw new AssertionError("the idle tab was still on " + page.url()
                    + "; the server answered its heartbeats with " + heartbeats, notSignedOut);
        }
        browser.assertOnLoginPage();
        assertThat(page.getByText("You were signed out after a period without activity.")).isVisible();
        browser.screenshot("idle-signed-out");
        org.assertj.core.api.Assertions.assertThat(idleSignOuts()).isEqualTo(recordedBefore + 1);

        // The session is really gone: the caseload needs a new sign-in.
        browser.open(port, "/caseload");
        browser.assertOnLoginPage();
    }

    @Test
    @DisplayName("opening a page after the idle timeout lands on the sign-in page with its note")
    void a_page_opened_after_the_timeout_goes_to_the_sign_in_page() {
        signedInOnTheCaseload();
        clock.advance(Duration.ofMinutes(16));

        Page page = browser.open(port, "/schedule");

        assertThat(page).hasURL(Pattern.compile(".*/login\\?idle$"));
        assertThat(page.getByText("You were signed out after a period without activity.")).isVisible();
    }
}
