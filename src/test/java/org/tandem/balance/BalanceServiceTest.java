package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.support.BalanceFixtures.MIDDLE;
import static org.tandem.support.BalanceFixtures.WORKED_EXAMPLE;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.balance.CoupleBalance.CheckInLine;
import org.tandem.balance.CoupleBalance.PartnerBalance;
import org.tandem.support.AuditTrail;
import org.tandem.support.BalanceFixtures;
import org.tandem.support.BalanceFixtures.Practice;
import org.tandem.support.BalanceFixtures.TwoSessions;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.StatementCounter;

@IntegrationTest
@Import(StatementCounter.Counting.class)
class BalanceServiceTest {

    @Autowired BalanceService balance;

    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired StatementCounter counter;
    @Autowired Fixtures fixtures;
    @Autowired BalanceFixtures balanceFixtures;
    AuditTrail trail;
    Practice practice;
    String therapist;
    long ninaAndFelix;
    long nina;
    long felix;
    long ninasWorked;
    long ninasLater;

    /**
     * Two held sessions. First: Nina the worked example (73.3 / 30.0, DISTANT), Felix 50.0 / 50.0 — divergence 23.3,
     * not flagged. Second: Nina 83.3 / 100.0 (BALANCED), Felix 50.0 / 50.0 again — divergence 50.0, flagged. The
     * people are committed: refusals are audited in a transaction of their own, which must see the accounts.
     */
    @BeforeEach
    void nina_and_felix_with_two_sessions_of_check_ins() {
        fixtures.committed(() -> practice = balanceFixtures.practice());
        therapist = practice.therapist().email();
        Couple couple = practice.couple();
        ninaAndFelix = couple.id();
        nina = couple.one().partnerId();
        felix = couple.two().partnerId();
        TwoSessions sessions = balanceFixtures.divergingOverTwoSessions(practice.therapist(), couple);
        ninasWorked = sessions.first().one();
        ninasLater = sessions.second().one();
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }

    PartnerBalance partner(CoupleBalance figures, long partnerId) {
        return figures.partners().stream().filter(p -> p.partnerId() == partnerId).findFirst().orElseThrow();
    }

    @Test
    void ninas_baseline_is_the_worked_example_and_the_latest_is_balanced_with_a_reliable_intimacy_change() {
        signIn.as(therapist);
        CoupleBalance figures = balance.overview(ninaAndFelix);

        assertThat(figures.settings()).isEqualTo(BalanceSettings.DEFAULTS);
        PartnerBalance ninas = partner(figures, nina);
        assertThat(ninas.baseline()).isNotNull();
        assertThat(ninas.baseline().checkInId()).isEqualTo(ninasWorked);
        assertThat(ninas.baseline().scores()).isEqualTo(new Scores(decimal("73.3"), decimal("30.0")));
        assertThat(ninas.baseline().scores().lean()).isEqualTo(decimal("43.3"));
        assertThat(ninas.baseline().zone()).isEqualTo(Zone.DISTANT);
        assertThat(ninas.latest()).isNotNull();
        assertThat(ninas.latest().checkInId()).isEqualTo(ninasLater);
        assertThat(ninas.latest().scores()).isEqualTo(new Scores(decimal("83.3"), decimal("100.0")));
        assertThat(ninas.latest().zone()).isEqualTo(Zone.BALANCED);
        // Defaults SD 18, r 0.80: reliable when |change| > 1.96 · √2 · 18 · √0.2 ≈ 22.3.
        assertThat(ninas.change()).isEqualTo(new Change(decimal("10.0"), decimal("70.0"), false, true, true));

        PartnerBalance felixs = partner(figures, felix);
        assertThat(felixs.latest().zone()).isEqualTo(Zone.DISCONNECTED);
        assertThat(felixs.change()).isEqualTo(new Change(decimal("0.0"), decimal("0.0"), false, false, true));
    }

    @Test
    void with_fewer_than_thirty_baselines_the_parameters_are_provisional() {
        signIn.as(therapist);
        CoupleBalance figures = balance.overview(ninaAndFelix);

        assertThat(figures.provisional()).isTrue();
        assertThat(figures.reliability()).isEqualTo(Reliability.DEFAULTS);
    }

    @Test
    void thirty_baselines_in_the_clinic_give_estimated_parameters_from_the_first_scored_check_ins_only() {
        // 28 more partners' baselines in the clinic (14 new couples), plus Nina's and Felix's: 30.
        List<CheckInAnswers> baselines = new ArrayList<>();
        baselines.add(Answers.of(WORKED_EXAMPLE));
        baselines.add(Answers.of(MIDDLE));
        for (int i = 0; i < 14; i++) {
            Couple couple = fixtures.couple(practice.therapist(), "Baseline " + i + " One", "Baseline " + i + " Two");
            Integer[][] unscored = new Integer[2][];
            Integer[][] scored = new Integer[2][];
            for (int position = 0; position < 2; position++) {
                int a = (3 * i + 5 * position) % 7;
                int b = (a + 2) % 7;
                // An unscored check-in first (two independence answers missing): it is not the baseline.
                unscored[position] = new Integer[] {a, null, null, b, a, b, a, b, a, b};
                scored[position] = new Integer[] {a, b, a, b, a, b, a, b, a, a};
                baselines.add(Answers.of(scored[position]));
            }
            balanceFixtures.requested(practice.therapist(), couple, Duration.ofDays(30), unscored[0], unscored[1]);
            balanceFixtures.requested(practice.therapist(), couple, Duration.ofDays(20), scored[0], scored[1]);
        }

        signIn.as(therapist);
        CoupleBalance figures = balance.overview(ninaAndFelix);

        assertThat(figures.reliability()).isEqualTo(BalanceScoring.parameters(baselines));
        assertThat(figures.reliability()).isNotEqualTo(Reliability.DEFAULTS);
        assertThat(figures.provisional()).isFalse();
    }

    @Test
    void each_session_has_the_couples_divergence_flagged_at_d() {
        signIn.as(therapist);
        CoupleBalance figures = balance.overview(ninaAndFelix);

        assertThat(figures.sessions()).extracting(CoupleBalance.SessionDivergence::divergence,
                CoupleBalance.SessionDivergence::flagged)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(decimal("23.3"), false),
                        org.assertj.core.groups.Tuple.tuple(decimal("50.0"), true));
        assertThat(figures.checkIns()).hasSize(4);
        assertThat(figures.checkIns()).extracting(CheckInLine::partnerId).containsExactly(nina, felix, nina, felix);
        assertThat(figures.checkIns()).extracting(CheckInLine::zone)
                .containsExactly(Zone.DISTANT, Zone.DISCONNECTED, Zone.BALANCED, Zone.DISCONNECTED);
        assertThat(figures.checkIns()).extracting(CheckInLine::diverged).containsExactly(false, false, true, true);
    }

    @Test
    void the_overview_reads_in_two_statements_and_leaves_its_audit_row_to_the_couples_overview() {
        signIn.as(therapist);
        counter.start();
        balance.overview(ninaAndFelix);
        List<String> statements = counter.stop();

        assertThat(statements.stream().filter(sql -> sql.contains("check_in_answer"))).hasSize(2);
        // A section of the Overview: the Overview's one couple.read row records the read.
        assertThat(trail.since()).isEmpty();
    }

    @Test
    void another_therapist_another_clinic_and_a_partner_are_refused() {
        for (String who : List.of(practice.colleague().email(), practice.otherClinicsTherapist().email(),
                practice.couple().one().email())) {
            signIn.as(who);
            assertThatThrownBy(() -> balance.overview(ninaAndFelix)).as(who).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(trail.since("access.denied")).hasSizeGreaterThanOrEqualTo(2);
    }
}
