package org.tandem.messages.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.MESSAGE_DRAFT;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.ui.CoupleRoutes;
import org.tandem.messages.MessageService;
import org.tandem.messages.ThreadSummary;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.PageContent;
import org.tandem.support.SignIn;

/** The partner's Messages page and the couple's Messages tab, used as partners and therapists would. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class MessageViewsTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired MessageService messages;
    @Autowired SignIn signIn;
    Person therapist;
    Couple morgans;
    String THERAPIST;
    String ALEX;
    String SAM;

    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    @BeforeEach
    void prepare() {
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Riverside Couples Practice");
            therapist = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            morgans = fixtures.couple(therapist, "Alex Morgan", "Alex", "Samira Patel", "Sam");
        });
        THERAPIST = therapist.email();
        ALEX = morgans.one().email();
        SAM = morgans.two().email();
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    List<ThreadSummary> threads() {
        return signIn.during(THERAPIST, () -> messages.ofCouple(morgans.id()));
    }

    String open(String route) {
        navigate(route, Component.class);
        return getCurrentView().getClass().getSimpleName();
    }

    void openThread(long threadId) {
        UI.getCurrent().navigate(MessageRoutes.MY_MESSAGES,
                QueryParameters.of(MessageRoutes.THREAD_PARAMETER, String.valueOf(threadId)));
    }

    Button button(Component in, String text) {
        return $(Button.class, in).all().stream().filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
    }

    List<String> visibleIds() {
        return $(Span.class).all().stream().map(span -> span.getId().orElse("")).toList();
    }

    String page() {
        return PageContent.everything(getCurrentView());
    }

    @Test
    void a_partner_writes_in_the_joint_thread_and_the_draft_comes_back_on_reload() {
        signIn.as(ALEX);
        assertThat(open(MessageRoutes.MY_MESSAGES)).isEqualTo("MyMessagesView");
        assertThat($(Tabs.class).single().getSelectedTab().getElement().getTextRecursively()).startsWith("Together");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("No messages yet. Write below: your partner and your therapist will read it.");

        TextArea composer = $(TextArea.class).single();
        test(composer).setValue("Half a thought");
        assertThat(composer.getHelperText()).isEqualTo("14 / 5,000");
        assertThat(dsl.fetchValue(MESSAGE_DRAFT.BODY, MESSAGE_DRAFT.THREAD_ID.eq(threads().getFirst().threadId())))
                .isEqualTo("Half a thought");

        open(MessageRoutes.MY_MESSAGES);
        assertThat($(TextArea.class).single().getValue()).isEqualTo("Half a thought");
        test($(TextArea.class).single()).setValue("<b>Hi</b> **there**\nsee https://example.org/plan.");
        test(button((Component) getCurrentView(), "Send")).click();

        assertThat($(TextArea.class).single().getValue()).isEmpty();
        assertThat(page()).contains("<b>Hi</b> **there**\nsee ");
        assertThat($(Anchor.class).all()).extracting(Anchor::getHref).contains("https://example.org/plan");
        assertThat($(com.vaadin.flow.component.html.H3.class).all()).isNotEmpty();
    }

    @Test
    void an_empty_message_is_refused_beside_the_field() {
        signIn.as(SAM);
        open(MessageRoutes.MY_MESSAGES);
        test($(TextArea.class).single()).setValue("   ");
        test(button((Component) getCurrentView(), "Send")).click();
        TextArea composer = $(TextArea.class).single();
        assertThat(composer.isInvalid()).isTrue();
        assertThat(composer.getErrorMessage()).isEqualTo("Write a message first.");
    }

    @Test
    void a_partners_page_never_shows_the_other_partners_private_thread_even_by_its_id() {
        List<ThreadSummary> all = threads();
        long alexsPrivate = all.get(1).threadId();
        signIn.during(ALEX, () -> messages.send(alexsPrivate, "ALEX-ONLY-3e1f"));

        signIn.as(SAM);
        openThread(alexsPrivate);
        assertThat(page()).doesNotContain("ALEX-ONLY-3e1f", "thread-" + alexsPrivate);
        assertThat($(Tab.class).all()).hasSize(2);
        assertThat($(Tabs.class).single().getSelectedTab().getElement().getTextRecursively()).startsWith("Together");
        assertThat($(Span.class).all()).extracting(span -> span.getId().orElse(""))
                .doesNotContain("unread-" + alexsPrivate);
    }

    @Test
    void unread_counts_show_on_the_partners_tabs_and_follow_reading() {
        List<ThreadSummary> all = threads();
        long joint = all.get(0).threadId();
        long samsPrivate = all.get(2).threadId();
        signIn.during(ALEX, () -> messages.send(joint, "Hello both"));
        signIn.during(THERAPIST, () -> messages.send(samsPrivate, "Hello Sam"));

        signIn.as(SAM);
        openThread(samsPrivate);
        assertThat($(Span.class).id("unread-" + joint).getText()).isEqualTo("1");
        assertThat(visibleIds()).doesNotContain("unread-" + samsPrivate);
        open(MessageRoutes.MY_MESSAGES);
        assertThat(visibleIds()).doesNotContain("unread-" + joint);
        assertThat(page()).contains("Hello both");
    }

    @Test
    void the_therapist_sees_three_threads_and_withdraws_a_message_sent_by_mistake() {
        signIn.as(THERAPIST);
        assertThat(open(CoupleRoutes.href(morgans.id(), CoupleRoutes.Tab.MESSAGES))).isEqualTo("CoupleMessagesView");
        assertThat($(Section.class).all()).hasSize(3);
        assertThat(page()).contains("Joint thread", "Alex (private)", "Sam (private)");

        Section alexs = $(Section.class).all().get(1);
        test($(TextArea.class, alexs).single()).setValue("Wrong couple, sorry");
        test(button(alexs, "Send")).click();
        assertThat(PageContent.everything(alexs)).contains("Wrong couple, sorry");
        test(button($(Section.class).all().get(1), "Withdraw")).click();

        Section after = $(Section.class).all().get(1);
        assertThat(PageContent.everything(after)).contains("Message withdrawn").doesNotContain("Wrong couple");
    }

    @Test
    void a_closed_couples_threads_show_why_and_no_composer() {
        fixtures.status(therapist, morgans, CoupleStatus.CLOSED);
        signIn.as(ALEX);
        open(MessageRoutes.MY_MESSAGES);
        assertThat($(TextArea.class).all()).isEmpty();
        assertThat($(Paragraph.class).all()).filteredOn(Component::isVisible).extracting(Paragraph::getText)
                .contains("This couple's work is closed: its messages can be read, and no new ones sent.");
    }

    @Test
    void the_wrong_role_is_denied() {
        signIn.as(ALEX);
        assertThat(open(CoupleRoutes.href(morgans.id(), CoupleRoutes.Tab.MESSAGES))).isEqualTo("AccessDeniedView");
        signIn.as(THERAPIST);
        assertThat(open(MessageRoutes.MY_MESSAGES)).isEqualTo("AccessDeniedView");
    }
}
