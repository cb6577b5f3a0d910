package org.tandem.balance.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.BALANCE_RECOMPUTE;
import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.CLINIC;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.tandem.shell.chart.Chart;
import org.tandem.support.AuditTrail;
import org.tandem.support.BalanceFixtures;
import org.tandem.support.BalanceFixtures.Practice;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/** The balance section of the couple's Overview and the admin's balance settings, used as they would be. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class BalanceViewsTest extends SpringBrowserlessTest {

    static final String DISCLAIMER = "The balance figures are Tandem's own measure, not a validated clinical scale.";

    @Autowired DSLContext dsl;
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    @Autowired BalanceFixtures balanceFixtures;
    AuditTrail trail;
    Practice practice;
    long ninaAndFelix;

    /** See CoupleSessionsViewTest: browserless reads the static holder; put back this context's strategy. */
    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    /** Committed: refusals are audited in a transaction of their own, which must see the accounts. */
    @BeforeEach
    void prepare() {
        fixtures.committed(() -> practice = balanceFixtures.practice());
        ninaAndFelix = practice.couple().id();
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    void asTherapist() {
        signIn.as(practice.therapist().email());
    }

    void asAdmin() {
        signIn.as(practice.admin().email());
    }

    String open(String route) {
        navigate(route, Component.class);
        return getCurrentView().getClass().getSimpleName();
    }

    List<String> paragraphs(Component in) {
        return $(Paragraph.class, in).all().stream().map(Paragraph::getText).toList();
    }

    String lastNotification() {
        return test($(Notification.class).all().getLast()).getText();
    }

    /** The texts of the spans in a grid cell's component, in order. */
    static List<String> texts(Component cell) {
        if (cell instanceof Span span) {
            return List.of(span.getText());
        }
        return cell.getChildren().flatMap(child -> texts(child).stream()).toList();
    }

    // ---- the couple's Overview ----

    @Test
    void the_overview_shows_the_balance_section_with_the_disclaimer_and_an_empty_state() {
        asTherapist();
        assertThat(open("couples/" + ninaAndFelix)).isEqualTo("CoupleOverviewView");

        Section balance = $(Section.class).id("balance");
        assertThat(paragraphs(balance)).contains(DISCLAIMER,
                "No check-ins yet. Partners get one 48 hours before each session, or request one now.");
    }

    @Test
    void requesting_a_check_in_opens_one_for_each_partner_and_says_so() {
        asTherapist();
        open("couples/" + ninaAndFelix);

        test($(Button.class).id("balance-request")).click();

        assertThat(dsl.fetchCount(CHECK_IN, CHECK_IN.COUPLE_ID.eq(ninaAndFelix), CHECK_IN.REQUESTED_BY.isNotNull(),
                CHECK_IN.SUBMITTED_AT.isNull())).isEqualTo(2);
        assertThat(lastNotification()).isEqualTo("Check-in requested: both partners can answer it now.");

        test($(Button.class).id("balance-request")).click();
        assertThat(dsl.fetchCount(CHECK_IN, CHECK_IN.COUPLE_ID.eq(ninaAndFelix), CHECK_IN.REQUESTED_BY.isNotNull()))
                .isEqualTo(2);
        assertThat(lastNotification())
                .isEqualTo("Both partners already have a requested check-in waiting to be answered.");
    }

    @Test
    void the_overview_shows_scores_zones_change_and_the_flagged_divergence() {
        balanceFixtures.divergingOverTwoSessions(practice.therapist(), practice.couple());
        asTherapist();

        open("couples/" + ninaAndFelix);

        Section balance = $(Section.class).id("balance");
        assertThat(paragraphs(balance)).contains(DISCLAIMER);
        assertThat($(Span.class, balance).all()).extracting(Span::getText)
                .contains("Balanced — interdependent", "Disconnected — low on both");

        @SuppressWarnings("unchecked")
        Grid<Object> checkIns = $(Grid.class).id("balance-check-ins");
        var table = test(checkIns);
        assertThat(table.size()).isEqualTo(4);
        // Newest first: Felix's, then Nina's check-in of the second session, whose divergence (50.0) is flagged.
        assertThat(List.of(table.getCellText(0, 2), table.getCellText(0, 3))).containsExactly("50.0", "50.0");
        assertThat(texts(table.getCellComponent(0, 5))).containsExactly("50.0", "flagged");
        assertThat(List.of(table.getCellText(1, 2), table.getCellText(1, 3))).containsExactly("83.3", "100.0");
        assertThat(texts(table.getCellComponent(1, 4))).containsExactly("Balanced");
        // Oldest last: Nina's worked example, DISTANT, in a session whose divergence (23.3) is not flagged.
        assertThat(List.of(table.getCellText(3, 2), table.getCellText(3, 3))).containsExactly("73.3", "30.0");
        assertThat(texts(table.getCellComponent(3, 4))).containsExactly("Distant");
        assertThat(texts(table.getCellComponent(3, 5))).containsExactly("23.3");

        // Nina's figures: change since baseline +10.0 (not reliable) and +70.0 (reliable), both provisional.
        @SuppressWarnings("unchecked")
        Grid<Object> ninas = $(Grid.class, balance).all().stream()
                .filter(grid -> grid.getId().isEmpty()).findFirst().orElseThrow();
        var figures = test(ninas);
        assertThat(List.of(figures.getCellText(0, 0), figures.getCellText(0, 1), figures.getCellText(0, 2)))
                .containsExactly("Independence", "73.3", "83.3");
        assertThat(texts(figures.getCellComponent(0, 3))).containsExactly("+10.0", "provisional");
        assertThat(texts(figures.getCellComponent(1, 3))).containsExactly("+70.0", "reliable", "provisional");
        assertThat(List.of(figures.getCellText(2, 1), figures.getCellText(2, 2))).containsExactly("+43.3", "-16.7");
        assertThat(trail.since("couple.read")).singleElement().satisfies(row -> assertThat(row.getDetail())
                .isEqualTo("overview"));

        // The three charts, from that same single read.
        assertThat($(Chart.class, balance).all()).extracting(chart -> chart.getId().orElseThrow())
                .containsExactly("balance-chart-scores", "balance-chart-closeness", "balance-chart-plane");
        Chart scores = $(Chart.class).id("balance-chart-scores");
        assertThat(scores.getConfiguration().get("data").get("datasets").get(0).get("data")).hasSize(2);
        assertThat(scores.getElement().getAttribute("aria-label")).isEqualTo("Independence and intimacy over time");
    }

    @Test
    void check_ins_without_a_score_leave_the_charts_empty_with_a_word_on_what_to_do() {
        // Two answers missing in each subscale: no score.
        balanceFixtures.requested(practice.therapist(), practice.couple(), Duration.ofDays(1),
                new Integer[] {5, 4, 2, null, null, 1, 2, 3, null, null}, null);
        asTherapist();

        open("couples/" + ninaAndFelix);

        assertThat($(Chart.class).all()).isEmpty();
        assertThat($(Paragraph.class).id("balance-charts-empty").getText())
                .startsWith("No scored check-in yet, so there is nothing to chart.");
    }

    // ---- the admin's settings ----

    @Test
    void the_admin_saves_valid_settings() {
        asAdmin();
        assertThat(open("clinic/balance")).isEqualTo("BalanceSettingsView");

        test($(IntegerField.class).id("balance-threshold")).setValue(55);
        test($(IntegerField.class).id("balance-divergence")).setValue(30);
        test($(Button.class).id("balance-settings-save")).click();

        var stored = dsl.select(CLINIC.BALANCE_THRESHOLD, CLINIC.DIVERGENCE_THRESHOLD).from(CLINIC)
                .where(CLINIC.ID.eq(practice.clinic().id())).fetchSingle();
        assertThat(stored.value1()).isEqualTo(55);
        assertThat(stored.value2()).isEqualTo(30);
        assertThat(lastNotification()).isEqualTo("Balance settings saved.");
    }

    @Test
    void after_a_save_the_page_shows_the_recompute_of_every_couple_as_it_goes() {
        asAdmin();
        open("clinic/balance");
        Paragraph progress = $(Paragraph.class).id("balance-recompute");
        assertThat(progress.getText()).as("no recompute yet").isEmpty();

        test($(IntegerField.class).id("balance-threshold")).setValue(55);
        test($(Button.class).id("balance-settings-save")).click();

        assertThat(progress.getText()).isEqualTo("Recomputing balance for 0 of 1 couple… Until it is done, the caseload"
                + " and the Overviews show the balance summaries of the settings before.");
        assertThat(UI.getCurrent().getPollInterval()).as("polls while it runs").isEqualTo(1000);

        // as the worker records its batches (it runs once this save commits; this test rolls back)
        dsl.update(BALANCE_RECOMPUTE).set(BALANCE_RECOMPUTE.TOTAL, 1000).set(BALANCE_RECOMPUTE.DONE, 340)
                .set(BALANCE_RECOMPUTE.STARTED_AT, TestClock.START_AT)
                .where(BALANCE_RECOMPUTE.CLINIC_ID.eq(practice.clinic().id())).execute();
        poll();
        assertThat(progress.getText()).startsWith("Recomputing balance for 340 of 1,000 couples… ");
        ProgressBar bar = $(ProgressBar.class).id("balance-recompute-bar");
        assertThat(bar.getValue()).isEqualTo(340);

        dsl.update(BALANCE_RECOMPUTE).set(BALANCE_RECOMPUTE.DONE, 1000)
                .set(BALANCE_RECOMPUTE.FINISHED_AT, TestClock.START_AT)
                .where(BALANCE_RECOMPUTE.CLINIC_ID.eq(practice.clinic().id())).execute();
        poll();
        assertThat(progress.getText()).isEqualTo("Balance recomputed for 1,000 couples with these settings.");
        assertThat(bar.isVisible()).isFalse();
        assertThat(UI.getCurrent().getPollInterval()).as("stops polling when done").isEqualTo(-1);
    }

    private static void poll() {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    @Test
    void a_threshold_of_90_gets_a_message_beside_the_field_and_nothing_is_saved() {
        asAdmin();
        open("clinic/balance");
        IntegerField threshold = $(IntegerField.class).id("balance-threshold");

        test(threshold).setValue(90);
        test($(Button.class).id("balance-settings-save")).click();

        assertThat(threshold.isInvalid()).isTrue();
        assertThat(threshold.getErrorMessage()).isEqualTo("Enter a whole number from 40 to 80.");
        assertThat(dsl.fetchValue(CLINIC.BALANCE_THRESHOLD, CLINIC.ID.eq(practice.clinic().id()))).isEqualTo(60);
    }

    @Test
    void a_stale_form_shows_the_conflict_and_the_current_values() {
        asAdmin();
        open("clinic/balance");
        balanceFixtures.settings(practice.admin(), 70, 25); // saved meanwhile, as from another window


        test($(IntegerField.class).id("balance-threshold")).setValue(50);
        test($(Button.class).id("balance-settings-save")).click();

        assertThat(lastNotification()).startsWith("Someone else changed");
        assertThat($(IntegerField.class).id("balance-threshold").getValue()).isEqualTo(70);
    }

    @Test
    void a_therapist_cannot_open_the_balance_settings() {
        asTherapist();
        assertThat(open("clinic/balance")).isEqualTo("AccessDeniedView");
        assertThat(trail.since("access.denied")).hasSize(1);
    }

    @Test
    void a_client_cannot_open_the_balance_settings() {
        signIn.as(practice.couple().one().email());
        assertThat(open("clinic/balance")).isEqualTo("AccessDeniedView");
        assertThat(trail.since("access.denied")).hasSize(1);
    }
}
