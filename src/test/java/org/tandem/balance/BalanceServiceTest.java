package org.tandem.balance;

import org.tandem.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.accounts.TandemUser;
import org.tandem.balance.CoupleBalance.CheckInLine;
import org.tandem.balance.CoupleBalance.PartnerBalance;
import org.tandem.support.AuditTrail;
import org.tandem.support.DemoTest;
import org.tandem.support.OtherClinic;
import org.tandem.support.SignIn;
import org.tandem.support.StatementCounter;
import org.tandem.support.TestData;

@DemoTest
@Import(StatementCounter.Counting.class)
class BalanceServiceTest {

    @Autowired BalanceService balance;

    @Autowired TestClock clock;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired PlatformTransactionManager transactions;
    @Autowired StatementCounter counter;
    AuditTrail trail;
    long alexAndSam;
    long alex;
    long sam;
    long firstSession;
    long secondSession;
    long alexWorked;
    long alexLater;

    /**
     * Two held sessions. First: Alex the worked example (73.3 / 30.0, DISTANT), Sam 50.0 / 50.0 — divergence 23.3,
     * not flagged. Second: Alex 83.3 / 100.0 (BALANCED), Sam 50.0 / 50.0 again — divergence 50.0, flagged.
     */
    @BeforeEach
    void alex_and_sam_with_two_sessions_of_check_ins() {
        OtherClinic.ensure(dsl, transactions);
        TandemUser therapist = signIn.as(CheckInServiceTest.THERAPIST);
        signIn.out();
        alexAndSam = TestData.coupleOf(dsl, "Alex Morgan");
        var sessions = StoredCheckIns.TwoSessions.of(dsl, alexAndSam, therapist.accountId());
        alex = sessions.alex();
        sam = sessions.sam();
        firstSession = sessions.firstSession();
        secondSession = sessions.secondSession();
        alexWorked = sessions.alexWorked();
        alexLater = sessions.alexLater();
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
    void alexs_baseline_is_the_worked_example_and_the_latest_is_balanced_with_a_reliable_intimacy_change() {
        signIn.as(CheckInServiceTest.THERAPIST);
        CoupleBalance figures = balance.overview(alexAndSam);

        assertThat(figures.settings()).isEqualTo(BalanceSettings.DEFAULTS);
        PartnerBalance alexs = partner(figures, alex);
        assertThat(alexs.baseline()).isNotNull();
        assertThat(alexs.baseline().checkInId()).isEqualTo(alexWorked);
        assertThat(alexs.baseline().scores()).isEqualTo(new Scores(decimal("73.3"), decimal("30.0")));
        assertThat(alexs.baseline().scores().lean()).isEqualTo(decimal("43.3"));
        assertThat(alexs.baseline().zone()).isEqualTo(Zone.DISTANT);
        assertThat(alexs.latest()).isNotNull();
        assertThat(alexs.latest().checkInId()).isEqualTo(alexLater);
        assertThat(alexs.latest().scores()).isEqualTo(new Scores(decimal("83.3"), decimal("100.0")));
        assertThat(alexs.latest().zone()).isEqualTo(Zone.BALANCED);
        // Defaults SD 18, r 0.80: reliable when |change| > 1.96 · √2 · 18 · √0.2 ≈ 22.3.
        assertThat(alexs.change()).isEqualTo(new Change(decimal("10.0"), decimal("70.0"), false, true, true));

        PartnerBalance sams = partner(figures, sam);
        assertThat(sams.latest().zone()).isEqualTo(Zone.DISCONNECTED);
        assertThat(sams.change()).isEqualTo(new Change(decimal("0.0"), decimal("0.0"), false, false, true));
    }

    @Test
    void with_fewer_than_thirty_baselines_the_parameters_are_provisional() {
        signIn.as(CheckInServiceTest.THERAPIST);
        CoupleBalance figures = balance.overview(alexAndSam);

        assertThat(figures.provisional()).isTrue();
        assertThat(figures.reliability()).isEqualTo(Reliability.DEFAULTS);
    }

    @Test
    void thirty_baselines_in_the_clinic_give_estimated_parameters_from_the_first_scored_check_ins_only() {
        TandemUser therapist = signIn.as(CheckInServiceTest.THERAPIST);
        signIn.out();
        // 28 more partners' baselines in the clinic (14 new couples), plus Alex's and Sam's: 30.
        List<CheckInAnswers> baselines = new java.util.ArrayList<>();
        baselines.add(Answers.of(5, 4, 2, 6, 3, 1, 2, 3, 5, 2));
        baselines.add(Answers.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3));
        for (int i = 0; i < 14; i++) {
            long couple = StoredCheckIns.newCouple(dsl, therapist.clinicId(), "Baseline " + i);
            StoredCheckIns stored = new StoredCheckIns(dsl, couple);
            for (long partner : stored.partners()) {
                int a = (int) ((partner + i) % 7);
                int b = (a + 2) % 7;
                // An unscored check-in first: it is not the baseline.
                stored.submitted(partner, null, clock.instant().minus(Duration.ofDays(30)), a, null, null, b, a, b, a, b, a, b);
                stored.submitted(partner, null, clock.instant().minus(Duration.ofDays(20)), a, b, a, b, a, b, a, b, a, a);
                baselines.add(Answers.of(a, b, a, b, a, b, a, b, a, a));
            }
        }

        signIn.as(CheckInServiceTest.THERAPIST);
        CoupleBalance figures = balance.overview(alexAndSam);

        assertThat(figures.reliability()).isEqualTo(BalanceScoring.parameters(baselines));
        assertThat(figures.provisional()).isFalse();
    }

    @Test
    void each_session_has_the_couples_divergence_flagged_at_d() {
        signIn.as(CheckInServiceTest.THERAPIST);
        CoupleBalance figures = balance.overview(alexAndSam);

        assertThat(figures.sessions()).extracting(CoupleBalance.SessionDivergence::divergence,
                CoupleBalance.SessionDivergence::flagged)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(decimal("23.3"), false),
                        org.assertj.core.groups.Tuple.tuple(decimal("50.0"), true));
        assertThat(figures.checkIns()).hasSize(4);
        assertThat(figures.checkIns()).extracting(CheckInLine::partnerId).containsExactly(alex, sam, alex, sam);
        assertThat(figures.checkIns()).extracting(CheckInLine::zone)
                .containsExactly(Zone.DISTANT, Zone.DISCONNECTED, Zone.BALANCED, Zone.DISCONNECTED);
        assertThat(figures.checkIns()).extracting(CheckInLine::diverged).containsExactly(false, false, true, true);
    }

    @Test
    void the_overview_reads_in_two_statements_and_leaves_its_audit_row_to_the_couples_overview() {
        signIn.as(CheckInServiceTest.THERAPIST);
        counter.start();
        balance.overview(alexAndSam);
        List<String> statements = counter.stop();

        assertThat(statements.stream().filter(sql -> sql.contains("check_in_answer"))).hasSize(2);
        // A section of the Overview: the Overview's one couple.read row records the read.
        assertThat(trail.since()).isEmpty();
    }

    @Test
    void another_therapist_another_clinic_and_a_partner_are_refused() {
        for (String who : List.of(CheckInServiceTest.THERAPIST_2, OtherClinic.THERAPIST_EMAIL,
                CheckInServiceTest.ALEX)) {
            signIn.as(who);
            assertThatThrownBy(() -> balance.overview(alexAndSam)).as(who).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(trail.since("access.denied")).hasSizeGreaterThanOrEqualTo(2);
    }
}
