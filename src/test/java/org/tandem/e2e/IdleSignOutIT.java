package org.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.e2e.BrowserSupport.DEMO_PASSWORD;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PageAssertions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A tab left open without interaction is signed out: Vaadin's heartbeats (every 5 s here) must not keep the session
 * alive past the idle timeout (20 s here).
 *
 * <p>How it should go: after 20 s without a UIDL request Vaadin closes the session at the next heartbeat and
 * IdleSignOut invalidates the HTTP session; the heartbeat after that gets Vaadin's 403 "Session expired", on which the
 * client reloads the page and Spring Security sends it to the login page. If an error dispatch (Vaadin's
 * {@code sendError(403)} forwards to {@code /error}) needs authentication, the 403 becomes a 302 to the login page,
 * the browser follows it, the client reads the 200 as a healthy heartbeat, and the tab stays on the caseload.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"tandem.security.idle-timeout=20s", "vaadin.heartbeatInterval=5",
            "vaadin.devmode.devTools.enabled=false"})
@ActiveProfiles("test")
class IdleSignOutIT {

    private static final Duration SIGN_OUT_WITHIN = Duration.ofSeconds(90);

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Test
    @DisplayName("an idle tab ends up on the login page although heartbeats keep arriving")
    void idleTabIsSignedOut() {
        browser.signIn(port, "therapist@example.com", DEMO_PASSWORD);
        Page page = browser.page();
        assertThat(page).hasURL(Pattern.compile(".*/caseload$"));
        assertThat(browser.navbar().getByText("Dr. Jordan Reyes", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();

        // Record the server's answers to the idle tab's heartbeats: they tell why a tab was (not) signed out.
        List<Integer> heartbeats = Collections.synchronizedList(new ArrayList<>());
        page.onResponse(response -> {
            if (response.url().contains("v-r=heartbeat")) {
                heartbeats.add(response.status());
            }
        });
        long start = System.nanoTime();

        // No interaction from here on: just wait for the tab to land on the login page by itself.
        try {
            assertThat(page).hasURL(Pattern.compile(".*/login(\\?.*)?$"),
                    new PageAssertions.HasURLOptions().setTimeout(SIGN_OUT_WITHIN.toMillis()));
        } catch (AssertionError notSignedOut) {
            browser.screenshot("idle-not-signed-out");
            // A 302 answer means the heartbeat's 403 "Session expired" was turned into a redirect to the login page,
            // which the client follows and reads as a healthy heartbeat (see the report on SecurityConfig).
            throw new AssertionError("the idle tab was still on " + page.url() + " after " + SIGN_OUT_WITHIN.toSeconds()
                    + " s; the server answered its heartbeats with " + heartbeats, notSignedOut);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        browser.assertOnLoginPage();
        assertThat(page.getByText("You were signed out after a period without activity.")).isVisible();
        browser.screenshot("idle-signed-out");
        System.out.printf("Idle tab reached the login page after %d s; heartbeat answers: %s%n", seconds, heartbeats);
        assertTrue(seconds >= 15,
                "signed out after only " + seconds + " s, well before the 20 s idle timeout");

        // The session is really gone: the caseload needs a new sign-in.
        browser.open(port, "/caseload");
        browser.assertOnLoginPage();
    }
}
