package org.tandem.balance.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.PARTNER;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
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
import org.tandem.balance.CheckInService;
import org.tandem.shell.chart.Chart;
import org.tandem.support.AuditTrail;
import org.tandem.support.BalanceFixtures;
import org.tandem.support.BalanceFixtures.Practice;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

/** A partner's My balance page, used as they would: empty, with scores, sharing on and off, and the wrong role. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class MyBalanceViewTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired SignIn signIn;
    @Autowired CheckInService checkIns;
    @Autowired Fixtures fixtures;
    @Autowired BalanceFixtures balanceFixtures;
    AuditTrail trail;
    Practice practice;
    Couple ninaAndFelix;

    /** See CoupleSessionsViewTest: browserless reads the static holder; put back this context's strategy. */
    @BeforeAll
    static void use_this_contexts_security_strategy(@Autowired SecurityContextHolderStrategy strategy) {
        SecurityContextHolder.setContextHolderStrategy(strategy);
    }

    /**
     * Nina and Felix without check-ins, neither sharing scores. The people are committed: refusals are audited in a
     * transaction of their own, which must see the accounts.
     */
    @BeforeEach
    void prepare() {
        fixtures.committed(() -> practice = balanceFixtures.practice());
        ninaAndFelix = practice.couple();
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    void asNina() {
        signIn.as(ninaAndFelix.one().email());
    }

    String open() {
        navigate("my-balance", Component.class);
        return getCurrentView().getClass().getSimpleName();
    }

    /** Nina: the worked example, then 83.3 / 100.0 (balanced). Felix: 50.0 / 50.0. */
    void check_ins() {
        balanceFixtures.requested(practice.therapist(), ninaAndFelix, Duration.ofDays(15),
                BalanceFixtures.WORKED_EXAMPLE, null);
        balanceFixtures.requested(practice.therapist(), ninaAndFelix, Duration.ofDays(8), BalanceFixtures.BALANCED,
                BalanceFixtures.MIDDLE);
    }

    /** Two check-ins of Nina's only, a week apart. */
    void ninas_check_ins(Integer[] first, Integer[] later) {
        balanceFixtures.requested(practice.therapist(), ninaAndFelix, Duration.ofDays(15), first, null);
        balanceFixtures.requested(practice.therapist(), ninaAndFelix, Duration.ofDays(8), later, null);
    }

    boolean has(String id) {
        return $(Component.class).all().stream().anyMatch(component -> component.getId().orElse("").equals(id));
    }

    String text(String paragraphId) {
        return $(Paragraph.class).id(paragraphId).getText();
    }

    /** The labels of the chart's lines, in order. */
    List<String> chartLines() {
        Chart chart = $(Chart.class).id("my-balance-chart");
        List<String> labels = new java.util.ArrayList<>();
        chart.getConfiguration().path("data").path("datasets").forEach(set -> labels.add(set.path("label").asText()));
        return labels;
    }

    List<String> words() {
        return $(Paragraph.class, $(Div.class).id("my-balance-words")).all().stream().map(Paragraph::getText).toList();
    }

    @Test
    void before_the_first_check_in_the_page_says_what_will_appear_and_shows_no_chart() {
        asNina();
        assertThat(open()).isEqualTo("MyBalanceView");

        assertThat(text("my-balance-empty")).isEqualTo("Your first check-in will appear here. You get one 48 hours "
                + "before each session, or when your therapist asks for one.");
        assertThat(has("my-balance-chart")).isFalse();
        assertThat(has("my-balance-scores")).isFalse();
        assertThat(trail.since("balance.my_read")).hasSize(1);
    }

    @Test
    void with_check_ins_the_partner_reads_encouraging_words_their_own_scores_and_the_charts_place() {
        check_ins();
        asNina();

        open();

        assertThat(words()).containsExactly(
                "You are making room for yourself and for your relationship. That is a strong place to be.",
                "Room for yourself is a little higher than at your first check-in.",
                "Closeness is clearly higher than at your first check-in.");
        assertThat(chartLines()).containsExactly("Nina · Room for yourself", "Nina · Closeness",
                "Both feel good from 60");
        Grid<?> scores = $(Grid.class).id("my-balance-scores");
        assertThat(test(scores).size()).isEqualTo(2);
        assertThat(test(scores).getCellText(0, 1)).isEqualTo("83.3");
        assertThat(test(scores).getCellText(1, 2)).isEqualTo("30.0");
        assertThat(has("my-balance-partner-scores")).isFalse();
        // No zone code is ever shown to a partner.
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .noneMatch(text -> text.matches(".*\\b(Balanced|Distant|Fused|Disconnected|BALANCED|DISTANT)\\b.*"));
        assertThat(text("my-balance-sharing-status"))
                .isEqualTo("Neither of you shares: each of you sees only your own scores.");
    }

    @Test
    void a_reliable_fall_is_worded_with_care_and_points_to_the_therapist_by_name() {
        // Independence 90.0 → 50.0, a reliable fall of 40 points; closeness 66.7 → 70.0, about the same.
        ninas_check_ins(new Integer[] {6, 6, 0, 6, 3, 4, 4, 4, 2, 4}, new Integer[] {3, 3, 3, 3, 3, 4, 4, 4, 2, 5});
        asNina();

        open();

        assertThat(words()).contains(
                "Room for yourself has felt clearly lower lately than at your first check-in. Noticing it is a "
                        + "helpful step: this may be worth talking about with Dr. Hana Sato at your next session.",
                "Closeness is about the same as at your first check-in.");
        assertThat(words()).noneMatch(text -> text.contains("a little lower"));
    }

    @Test
    void a_change_from_five_points_that_is_not_reliable_is_a_little_higher_or_lower() {
        // Independence 60.0 → 50.0 and closeness 66.7 → 73.3: changes of −10.0 and +6.6, short of reliable (22.3).
        ninas_check_ins(new Integer[] {3, 3, 3, 3, 6, 4, 4, 4, 2, 4}, new Integer[] {3, 3, 3, 3, 3, 4, 4, 4, 2, 6});
        asNina();

        open();

        assertThat(words()).contains("Room for yourself is a little lower than at your first check-in.",
                "Closeness is a little higher than at your first check-in.");
    }

    @Test
    void turning_sharing_on_shows_the_partners_scores_only_once_both_share_and_off_hides_them_again() {
        check_ins();
        asNina();
        open();

        test($(Checkbox.class).id("my-balance-share")).click();

        assertThat(dsl.fetchValue(PARTNER.SHARES_SCORES, PARTNER.ID.eq(ninaAndFelix.one().partnerId()))).isTrue();
        assertThat(text("my-balance-sharing-status"))
                .isEqualTo("You share. Felix has not chosen to share, so neither of you sees the other's scores.");
        assertThat(has("my-balance-partner-scores")).isFalse();

        balanceFixtures.shares(ninaAndFelix.two(), true);
        open();
        assertThat(text("my-balance-sharing-status")).isEqualTo("You both share, so you see each other's scores here.");
        Grid<?> felixs = $(Grid.class).id("my-balance-partner-scores");
        assertThat(test(felixs).size()).isEqualTo(1);
        assertThat(test(felixs).getCellText(0, 1)).isEqualTo("50.0");
        assertThat(chartLines()).as("both partners on one chart, each in their colour").containsExactly(
                "Nina · Room for yourself", "Nina · Closeness", "Felix · Room for yourself", "Felix · Closeness",
                "Both feel good from 60");

        test($(Checkbox.class).id("my-balance-share")).click();

        assertThat(has("my-balance-partner-scores")).isFalse();
        assertThat(chartLines()).hasSize(3);
        assertThat(text("my-balance-sharing-status"))
                .isEqualTo("Felix chose to share. If you share too, you will see each other's scores.");
        assertThat(trail.since("balance.sharing_changed")).extracting(row -> row.getDetail())
                .containsExactly("shares scores", "shares scores", "stopped sharing scores");
    }

    @Test
    void an_open_check_in_is_reachable_from_the_page() {
        signIn.during(practice.therapist().email(), () -> checkIns.request(ninaAndFelix.id()));
        asNina();
        open();

        Button start = $(Button.class).all().stream().filter(button -> "Start".equals(button.getText())).findFirst()
                .orElseThrow();
        test(start).click();

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("CheckInView");
    }

    @Test
    void a_therapist_is_refused_the_page_and_the_refusal_is_audited() {
        signIn.as(practice.therapist().email());
        assertThat(open()).isEqualTo("AccessDeniedView");

        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .containsExactly("view /my-balance: role not allowed");
        assertThat(trail.since("balance.my_read")).isEmpty();
    }
}
