package org.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.e2e.BrowserSupport.DEMO_PASSWORD;
import static org.tandem.jooq.Tables.MESSAGE_THREAD;
import static org.tandem.jooq.Tables.PARTNER;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * Issue 14's first "done when": the therapist, Alex and Sam, each in a browser of their own, talk in the demo
 * couple's threads. What one writes appears on the open pages of the others without a reload (server push); what
 * Alex writes in their private thread never reaches any page of Sam's, nor a count that would tell of it, whatever URL
 * she tries; the unread counts follow.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.devmode.devTools.enabled=false", DemoTest.DEMO})
@ActiveProfiles("test")
class MessagesIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired
    DSLContext dsl;

    private Page signedIn(Page page, String email) {
        BrowserSupport.signIn(page, port, email, DEMO_PASSWORD);
        assertThat(page).not().hasURL(Pattern.compile(".*/login(\\?.*)?$"));
        assertThat(BrowserSupport.navbar(page).last()).isVisible();
        return page;
    }

    private Page open(Page page, String path) {
        page.navigate(BrowserSupport.url(port, path));
        return page;
    }

    /** Types into a thread's composer and sends, as a person does. */
    private static void write(Locator thread, String text) {
        Locator composer = thread.locator("vaadin-text-area textarea");
        composer.fill(text);
        thread.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send").setExact(true)).click();
        assertThat(composer).hasValue("");
    }

    /** Every element the pages give an id naming this thread. */
    private static String idsOf(long threadId) {
        return "#thread-" + threadId + ", #tab-" + threadId + ", #unread-" + threadId + ", #read-by-" + threadId
                + ", #new-" + threadId;
    }

    /** The count of a thread panel's "new" badge (hidden: none). */
    private static int newOn(Page page, long threadId) {
        Locator badge = page.locator("#new-" + threadId);
        return badge.isVisible() ? Integer.parseInt(badge.textContent().replaceAll("\\D+", "")) : 0;
    }

    /** The count of a thread tab's unread badge (hidden: none). */
    private static int unreadOn(Page page, long threadId) {
        Locator badge = page.locator("#unread-" + threadId);
        return badge.isVisible() ? Integer.parseInt(badge.textContent().replaceAll("\\D+", "")) : 0;
    }

    private long privateThreadOf(String partnerName) {
        return dsl.select(MESSAGE_THREAD.ID).from(MESSAGE_THREAD)
                .join(PARTNER).on(PARTNER.ID.eq(MESSAGE_THREAD.PARTNER_ID))
                .where(PARTNER.FULL_NAME.eq(partnerName)).fetchSingle(MESSAGE_THREAD.ID);
    }

    @Test
    @DisplayName("three people talk live; Alex's private thread never reaches Sam; the unread counts follow")
    void threeParticipantsTalkLive() {
        long couple = dsl.select(PARTNER.COUPLE_ID).from(PARTNER).where(PARTNER.FULL_NAME.eq("Alex Morgan"))
                .fetchSingle(PARTNER.COUPLE_ID);
        String hello = "Hello both, see https://example.org/plan " + UUID.randomUUID();
        String secret = "ALEX-PRIVATE-" + UUID.randomUUID();
        String answer = "Thank you for telling me " + UUID.randomUUID();
        String later = "One more thing " + UUID.randomUUID();

        Page therapist = signedIn(browser.page(), "therapist@example.com");
        open(therapist, "/couples/" + couple + "/messages");
        assertThat(therapist.getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Joint thread").setExact(true))).isVisible();
        long joint = dsl.select(MESSAGE_THREAD.ID).from(MESSAGE_THREAD)
                .where(MESSAGE_THREAD.COUPLE_ID.eq(couple), MESSAGE_THREAD.PARTNER_ID.isNull())
                .fetchSingle(MESSAGE_THREAD.ID);
        long alexsPrivate = privateThreadOf("Alex Morgan");
        long samsPrivate = privateThreadOf("Samira Patel");
        // the demo may leave the therapist messages that were unread when the page opened
        int newAtOpening = newOn(therapist, joint);

        Page alex = signedIn(browser.openAnotherContext(), "alex@example.com");
        open(alex, "/messages");
        assertThat(alex.locator("#thread-" + joint)).isVisible();
        Page sam = signedIn(browser.openAnotherContext(), "sam@example.com");
        open(sam, "/messages");
        assertThat(sam.locator("#thread-" + joint)).isVisible();

        // the joint thread: both others see it arrive, without a reload
        write(alex.locator("#thread-" + joint), hello);
        assertThat(therapist.locator("#thread-" + joint)).containsText(hello);
        assertThat(therapist.locator("#new-" + joint)).hasText((newAtOpening + 1) + " new");
        assertThat(sam.locator("#thread-" + joint)).containsText(hello);
        assertThat(sam.locator("#thread-" + joint + " a[href='https://example.org/plan']")).isVisible();
        assertThat(alex.locator("#read-by-" + joint)).containsText("Sam");
        assertThat(alex.locator("#read-by-" + joint)).containsText("Dr.");
        browser.screenshot("messages-therapist-joint");

        // Alex's private thread: the therapist sees it live, Sam nowhere (the demo leaves Sam a message unread in her
        // own private thread: that count must not move)
        int samsPrivateUnread = unreadOn(sam, samsPrivate);
        alex.locator("#tab-" + alexsPrivate).click();
        write(alex.locator("#thread-" + alexsPrivate), secret);
        assertThat(therapist.locator("#thread-" + alexsPrivate)).containsText(secret);
        assertThat(sam.locator("#thread-" + joint)).isVisible();
        assertThat(sam.locator("main")).not().containsText(secret);
        assertThat(sam.locator("#unread-" + joint)).isHidden();
        assertThat(unreadOn(sam, samsPrivate)).isEqualTo(samsPrivateUnread);
        assertThat(sam.locator(idsOf(alexsPrivate))).hasCount(0);

        List<String> samsPages = new ArrayList<>();
        for (Locator item : sam.locator("vaadin-side-nav-item").all()) {
            samsPages.add(item.getAttribute("path").replaceFirst("^/", ""));
        }
        assertThat(samsPages).contains("messages");
        samsPages.add("messages?thread=" + alexsPrivate);
        samsPages.add("messages?thread=" + (alexsPrivate + 1000));
        samsPages.add("couples/" + couple + "/messages");
        for (String path : samsPages) {
            open(sam, "/" + path);
            assertThat(BrowserSupport.navbar(sam).last()).isVisible();
            assertThat(sam.locator("main").first()).isVisible();
            assertThat(sam.locator("body")).not().containsText(secret);
            assertThat(sam.locator(idsOf(alexsPrivate))).hasCount(0);
            assertThat(sam.content()).as(path).doesNotContain(secret);
        }

        // the therapist answers in Alex's private thread: Alex sees it live
        write(therapist.locator("#thread-" + alexsPrivate), answer);
        assertThat(alex.locator("#thread-" + alexsPrivate)).containsText(answer);

        // Sam on her private thread: the joint thread's count goes to 1 live, and to 0 once she opens it
        open(sam, "/messages");
        sam.locator("#tab-" + samsPrivate).click();
        assertThat(sam.locator("#thread-" + samsPrivate)).isVisible();
        alex.locator("#tab-" + joint).click();
        write(alex.locator("#thread-" + joint), later);
        assertThat(sam.locator("#unread-" + joint)).hasText("1");
        assertThat(therapist.locator("#thread-" + joint)).containsText(later);
        assertThat(therapist.locator("#new-" + joint)).hasText((newAtOpening + 2) + " new");
        BrowserSupport.screenshot(sam, "messages-sam-unread");
        sam.locator("#tab-" + joint).click();
        assertThat(sam.locator("#thread-" + joint)).containsText(later);
        assertThat(sam.locator("#unread-" + joint)).isHidden();
        assertThat(sam.locator("main")).not().containsText(secret);
    }

    @Test
    @DisplayName("on a phone 360 px wide, a partner reads and writes without scrolling sideways")
    void usableOnAPhone() {
        Page phone = browser.openContext(options -> options.setViewportSize(360, 740));
        signedIn(phone, "sam@example.com");
        open(phone, "/messages");
        String text = "From the phone, a long line that wraps: " + "word ".repeat(40) + UUID.randomUUID();
        Locator thread = phone.locator("section[id^=thread-]");
        assertThat(thread).isVisible();
        write(thread, text);
        assertThat(thread).containsText(text.substring(text.length() - 36));
        var send = thread.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send").setExact(true))
                .boundingBox();
        assertThat(send.x + send.width).isLessThanOrEqualTo(360);
        int width = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertThat(width).isLessThanOrEqualTo(360);
        BrowserSupport.screenshot(phone, "messages-phone");
    }
}
