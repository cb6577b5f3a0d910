package org.tandem.balance.ui;

import org.tandem.sessions.SessionStatus;
import org.tandem.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ALERT_ACKNOWLEDGEMENT;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithUserDetails;
import org.tandem.balance.StoredCheckIns;
import org.tandem.support.AuditTrail;
import org.tandem.support.DemoTest;
import org.tandem.support.TestData;

/** The alerts section at the top of the couple's Overview, used as a therapist would. */
@DemoTest
@ViewPackages(packages = "org.tandem")
@WithUserDetails("therapist@example.com")
class AlertsPanelTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;

    @Autowired TestClock clock;
    AuditTrail trail;
    long alexAndSam;

    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    @BeforeEach
    void alex_and_sam_without_check_ins_upcoming_sessions_or_due_dates() {
        alexAndSam = TestData.coupleOf(dsl, "Alex Morgan");
        StoredCheckIns.withoutAnyCheckIns(dsl);
        // No session to come: no missing check-in alert.
        // No due date: no overdue assignment alert.
        dsl.update(MODULE_ASSIGNMENT).setNull(MODULE_ASSIGNMENT.DUE_ON).where(MODULE_ASSIGNMENT.COUPLE_ID.eq(alexAndSam))
                .execute();
        dsl.update(COUPLE_SESSION).set(COUPLE_SESSION.STATUS, SessionStatus.CANCELLED)
                .where(COUPLE_SESSION.COUPLE_ID.eq(alexAndSam), COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED)).execute();
        trail = AuditTrail.from(dsl);
    }

    Section open() {
        navigate("couples/" + alexAndSam, Component.class);
        return $(Section.class).id("balance-alerts");
    }

    /** The divergence flag appears at the second of two held sessions (23.3, then 50.0). */
    void a_divergence_flag() {
        StoredCheckIns stored = new StoredCheckIns(dsl, alexAndSam);
        long alex = stored.partner("Alex Morgan");
        long sam = stored.partner("Samira Patel");
        long therapist = dsl.select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.EMAIL.eq("therapist@example.com"))
                .fetchSingle(ACCOUNT.ID);
        long first = stored.heldSession(Duration.ofDays(14), therapist);
        long second = stored.heldSession(Duration.ofDays(7), therapist);
        Instant now = clock.instant();
        stored.submitted(alex, first, now.minus(Duration.ofDays(15)), 5, 4, 2, 6, 3, 1, 2, 3, 5, 2);
        stored.submitted(sam, first, now.minus(Duration.ofDays(15)), 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        stored.submitted(alex, second, now.minus(Duration.ofDays(8)), 5, 5, 1, 5, 5, 6, 6, 6, 0, 6);
        stored.submitted(sam, second, now.minus(Duration.ofDays(8)), 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
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

        assertThat(dsl.fetchCount(ALERT_ACKNOWLEDGEMENT, ALERT_ACKNOWLEDGEMENT.COUPLE_ID.eq(alexAndSam))).isEqualTo(1);
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
