package org.tandem.e2e;

import org.tandem.support.TestClock;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.e2e.BrowserSupport.DEMO_PASSWORD;

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
import org.tandem.support.SignIn;
import org.tandem.support.TestData;
import org.tandem.support.TestModules;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.AssignmentData;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.WorkbookService;

/** A partner works through an assignment on a phone-sized screen; what they type is kept when the tab closes. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class PartnerWorkbookIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired TestClock clock;

    @Autowired
    DSLContext dsl;

    @Autowired
    WorkbookService workbook;

    @Autowired
    MyWorkbookService myWorkbook;

    @Autowired
    SignIn signIn;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private Page phone() {
        browser.openContext(options -> options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                .setDeviceScaleFactor(2));
        browser.signIn(port, "alex@example.com", DEMO_PASSWORD);
        Page page = browser.page();
        assertThat(page).hasURL(Pattern.compile(".*/workbook$"));
        return page;
    }

    private static void fitsTheScreen(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("sideways scrolling on a phone, in px").isLessThanOrEqualTo(0);
    }

    @Test
    @DisplayName("Alex starts a module on a phone, types an answer, closes the tab, and finds it there on return")
    void phoneJourney() {
        long couple = TestData.coupleOf(dsl, "Alex Morgan");
        long module = TestModules.publish(dsl, "therapist@example.com", TestModules.everyKind("Phone module"));
        signIn.as("therapist@example.com");
        long id = workbook.assign(couple, module,
                new AssignmentData(LocalDate.now(clock).plusDays(3), "Try it on your phone.", AssignmentMode.SEPARATE));
        signIn.out();

        Page page = phone();
        Locator card = page.locator("#assignment-" + id);
        assertThat(card).containsText("Phone module");
        assertThat(card).containsText("0 of 7 answered");
        fitsTheScreen(page);
        browser.screenshot("partner-workbook-list-phone");

        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start")).click();
        assertThat(page).hasURL(Pattern.compile(".*/workbook/" + id + "$"));
        assertThat(page.getByText("Try it on your phone.")).isVisible();
        assertThat(page.getByText("Your answers are private", new Page.GetByTextOptions())).isVisible();
        fitsTheScreen(page);
        browser.screenshot("partner-work-phone");

        page.getByRole(AriaRole.BUTTON, named("Next")).click();
        page.locator("vaadin-text-area textarea").fill("Typed on a phone, <b>as text</b>");
        // The browser says so at once; the answer goes to the server after a short pause in typing.
        assertThat(page.getByText("Saving…")).isVisible();
        assertThat(page.getByText("Saved", new Page.GetByTextOptions().setExact(true))).isVisible();
        fitsTheScreen(page);
        page.getByText("Share this answer with Sam").scrollIntoViewIfNeeded();
        browser.screenshot("partner-work-answer-phone");

        // The tab closes without any further step; the answer was saved as it was typed.
        Page again = phone();
        again.navigate(BrowserSupport.url(port, "/workbook/" + id));
        again.getByRole(AriaRole.BUTTON, named("Next")).click();
        assertThat(again.locator("vaadin-text-area textarea")).hasValue("Typed on a phone, <b>as text</b>");

        signIn.as("alex@example.com");
        assertThat(myWorkbook.myWork(id).myAnswers().get("feel").value())
                .isEqualTo(new AnswerValue.Text("Typed on a phone, <b>as text</b>"));
        signIn.out();
    }
}
