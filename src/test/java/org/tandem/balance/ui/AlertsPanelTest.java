package org.tandem.balance.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.ALERT_ACKNOWLEDGEMENT;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.tandem.support.AuditTrail;
import org.tandem.support.BalanceFixtures;
import org.tandem.support.BalanceFixtures.Practice;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

/** The alerts section at the top of the couple's Overview, used as a therapist would. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class AlertsPanelTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired SignIn signIn;
    @Autowired BalanceFixtures balanceFixtures;
    AuditTrail trail;
    Practice practice;
    long ninaAndFelix;

    /** See CoupleSessionsViewTest: browserless reads the static holder; put back this context's strategy. */
    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    /** Nina and Felix: no check-ins, no session to come (no missing check-in), no due date (no overdue module). */
    @BeforeEach
    void nina_and_felix_without_check_ins_upcoming_sessions_or_due_dates() {
        practice = balanceFixtures.practice();
        ninaAndFelix = practice.couple().id();
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** Opens the couple's Overview as their therapist, counting audit rows from here. */
    Section open() {
        signIn.as(practice.therapist().email());
        trail = AuditTrail.from(dsl);
        navigate("couples/" + ninaAndFelix, Component.class);
        return $(Section.class).id("balance-alerts");
    }

    /** The divergence flag appears at the second of two held sessions (23.3, then 50.0). */
    void a_divergence_flag() {
        balanceFixtures.divergingOverTwoSessions(practice.therapist(), practice.couple());
    }

    List<String> reasons(Section alerts) {
        return $(Span.class, alerts).all().stream().filter(span -> span.hasClassName("balance-alert-reason"))
                .map(Span::getText).toList();
    }

    @Test
    void a_couple_without_alerts_says_no_alerts() {
        Section alerts = open();

        assertThat($(Paragraph.class, alerts).all()).extracting(Paragraph::getText).containsExactly("No alerts");
        assertThat(trail.since("couple.read")).singleElement().satisfies(row -> assertThat(row.getDetail())
                .isEqualTo("overview"));
    }

    @Test
    void each_alert_says_why_and_can_be_acknowledged() {
        a_divergence_flag();
        Section alerts = open();

        assertThat(reasons(alerts)).singleElement().asString()
                .startsWith("The partners’ scores diverge by 50.0 points at the session of ")
                .endsWith(", at or above the clinic’s divergence flag.");
        Button acknowledge = $(Button.class, alerts).all().stream()
                .filter(button -> "Acknowledge".equals(button.getText())).findFirst().orElseThrow();

        test(acknowledge).click();

        assertThat(dsl.fetchCount(ALERT_ACKNOWLEDGEMENT, ALERT_ACKNOWLEDGEMENT.COUPLE_ID.eq(ninaAndFelix))).isEqualTo(1);
        assertThat(trail.since("balance.alert_acknowledged")).hasSize(1);
        assertThat($(Button.class, alerts).all()).extracting(Button::getText).doesNotContain("Acknowledge");
        assertThat($(ListItem.class, alerts).all()).hasSize(1);
        assertThat($(Span.class, alerts).all()).extracting(Span::getText).contains("Acknowledged");
    }

    @Test
    void the_alerts_come_first_on_the_overview() {
        a_divergence_flag();
        open();

        Section alerts = $(Section.class).id("balance-alerts");
        Section balance = $(Section.class).id("balance");
        Component parent = alerts.getParent().orElseThrow();
        List<Component> children = parent.getChildren().toList();
        assertThat(children.indexOf(alerts)).isLessThan(children.indexOf(balance));
    }
}
