package org.tandem.e2e;

import org.tandem.support.TestClock;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.e2e.BrowserSupport.DEMO_PASSWORD;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;

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
import org.tandem.support.TestData;
import org.tandem.support.TestModules;

/**
 * Issue 4's journey, in real browsers: the therapist assigns a module; Alex fills it in on a phone,
 * closes the tab midway, comes back, shares one answer and submits; Sam sees that answer and nothing
 * else of Alex's; the therapist reads Alex's answers and leaves feedback, which Alex then sees.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class WorkbookJourneyIT {

    static final String SHARED = "I feel lighter when we walk after dinner.";
    static final String PRIVATE_GOAL = "Alex keeps this goal private";
    static final String PRIVATE_REVEAL = "Alex waits for Sam before this shows";
    static final String[] TITLES = {"Welcome", "How you feel", "Closeness", "Ways", "A goal", "Your week", "Habits",
            "Appreciation"};
    static final String FEEDBACK = "Thank you, Alex. Let's start from this next time.";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired TestClock clock;

    @Autowired
    DSLContext dsl;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private Page phone(String email) {
        browser.openContext(options -> options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
        browser.signIn(port, email, DEMO_PASSWORD);
        return browser.page();
    }

    /** Moves the walkthrough to step {@code index} (from 1) of the module's eight and checks its title. */
    private static void stepTo(Page page, int index, String title) {
        Locator position = page.getByText(Pattern.compile("^Step \\d+ of 8$"));
        assertThat(position).isVisible();
        int at = Integer.parseInt(position.textContent().replaceAll("\\D+", " ").trim().split(" ")[0]);
        for (; at != index; at += at < index ? 1 : -1) {
            page.getByRole(AriaRole.BUTTON, named(at < index ? "Next" : "Back")).click();
            assertThat(page.getByText("Step " + (at < index ? at + 1 : at - 1) + " of 8")).isVisible();
        }
        assertThat(page.getByRole(AriaRole.HEADING, named(title))).isVisible();
    }

    private static void saved(Page page) {
        assertThat(page.getByText("Saved", new Page.GetByTextOptions().setExact(true))).isVisible();
    }

    @Test
    @DisplayName("assign, answer on a phone across a closed tab, share one answer, submit, review and feed back")
    void workbookJourney() {
        long couple = TestData.coupleOf(dsl, "Alex Morgan");
        TestModules.publish(dsl, "therapist@example.com", TestModules.everyKind("Journey module"));

        // The therapist assigns the module from the couple's Workbook tab.
        browser.signIn(port, "therapist@example.com", DEMO_PASSWORD);
        Page desk = browser.page();
        desk.navigate(BrowserSupport.url(port, "/couples/" + couple + "/workbook"));
        desk.getByRole(AriaRole.BUTTON, named("Assign a module")).click();
        Locator dialog = desk.getByRole(AriaRole.DIALOG);
        dialog.locator("vaadin-combo-box input").fill("Journey");
        desk.getByRole(AriaRole.OPTION).filter(new Locator.FilterOptions().setHasText("Journey module")).first().click();
        dialog.locator("vaadin-date-picker").evaluate("(picker, value) => picker.value = value",
                LocalDate.now(clock).plusDays(5).toString());
        dialog.locator("vaadin-text-area textarea").fill("Take your time with this one.");
        browser.screenshot("workbook-assign-dialog");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assign").setExact(true)).click();
        Locator card = desk.locator("[id^=assignment-]").first();
        assertThat(card).containsText("Journey module");
        assertThat(card).containsText("Alex: not started");
        long assignment = Long.parseLong(card.getAttribute("id").substring("assignment-".length()));
        assertThat(dsl.fetchExists(MODULE_ASSIGNMENT, MODULE_ASSIGNMENT.ID.eq(assignment),
                MODULE_ASSIGNMENT.COUPLE_ID.eq(couple))).isTrue();

        // Alex, on a phone: starts, answers the first question, and the tab closes.
        Page alex = phone("alex@example.com");
        alex.locator("#assignment-" + assignment).getByRole(AriaRole.BUTTON).first().click();
        assertThat(alex).hasURL(Pattern.compile(".*/workbook/" + assignment + "$"));
        assertThat(alex.getByText("Take your time with this one.")).isVisible();
        stepTo(alex, 2, "How you feel");
        alex.locator("vaadin-text-area textarea").fill(SHARED);
        saved(alex);

        // Alex comes back in a new tab: the answer is there. Alex shares it and goes on.
        alex = phone("alex@example.com");
        alex.navigate(BrowserSupport.url(port, "/workbook/" + assignment));
        stepTo(alex, 2, "How you feel");
        assertThat(alex.locator("vaadin-text-area textarea")).hasValue(SHARED);
        alex.getByText("Share this answer with Sam").click();
        assertThat(alex.getByText("Sam can read this answer", new Page.GetByTextOptions())).isVisible();
        stepTo(alex, 5, "A goal");
        alex.getByLabel("My goal").fill(PRIVATE_GOAL);
        saved(alex);
        stepTo(alex, 8, "Appreciation");
        alex.locator("vaadin-text-area textarea").fill(PRIVATE_REVEAL);
        saved(alex);
        browser.screenshot("workbook-alex-phone");
        alex.getByRole(AriaRole.BUTTON, named("Submit my answers")).click();
        alex.getByRole(AriaRole.BUTTON, named("Submit")).click(); // in the confirm dialog
        assertThat(alex.getByText("Your answers are submitted", new Page.GetByTextOptions())).isVisible();

        // Sam sees the shared answer, and nothing else Alex wrote, on any step.
        browser.openContext(options -> {});
        browser.signIn(port, "sam@example.com", DEMO_PASSWORD);
        Page sam = browser.page();
        sam.navigate(BrowserSupport.url(port, "/workbook/" + assignment));
        stepTo(sam, 2, "How you feel");
        assertThat(sam.getByText(SHARED)).isVisible();
        browser.screenshot("workbook-sam-sees-shared");
        for (int step = 1; step <= 8; step++) {
            stepTo(sam, step, TITLES[step - 1]);
            assertThat(sam.content()).doesNotContain(PRIVATE_GOAL).doesNotContain(PRIVATE_REVEAL);
        }
        assertThat(sam.getByText("Alex's answer appears here once you have submitted yours.")).isVisible();

        // The therapist reads Alex's answers (Sam's are not submitted) and leaves feedback.
        browser.openContext(options -> {});
        browser.signIn(port, "therapist@example.com", DEMO_PASSWORD);
        Page review = browser.page();
        review.navigate(BrowserSupport.url(port, "/couples/" + couple + "/workbook/" + assignment));
        Locator feel = review.locator("#step-feel");
        assertThat(feel).containsText(SHARED);
        assertThat(feel).containsText("Not submitted yet");
        assertThat(review.locator("#step-goal")).containsText(PRIVATE_GOAL);
        feel.locator("vaadin-text-area textarea").first().fill(FEEDBACK);
        feel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add feedback")).first().click();
        assertThat(feel).containsText(FEEDBACK);
        review.getByRole(AriaRole.BUTTON, named("Mark reviewed")).click();
        assertThat(review.locator("#reviewed-on")).isVisible();
        browser.screenshot("workbook-review");

        // Alex sees the feedback beside the answer.
        alex = phone("alex@example.com");
        alex.navigate(BrowserSupport.url(port, "/workbook/" + assignment));
        stepTo(alex, 2, "How you feel");
        assertThat(alex.getByText(FEEDBACK)).isVisible();
        browser.screenshot("workbook-alex-feedback-phone");
    }
}
