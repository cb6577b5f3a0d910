package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.ALERT_ACKNOWLEDGEMENT;
import static org.tandem.jooq.Tables.BALANCE_SUMMARY;

import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.accounts.TandemUser;
import org.tandem.sessions.SessionMarked;
import org.tandem.sessions.SessionScheduled;
import org.tandem.sessions.SessionStatus;
import org.tandem.support.AuditTrail;
import org.tandem.support.BalanceFixtures;
import org.tandem.support.BalanceFixtures.Practice;
import org.tandem.support.BalanceFixtures.Round;
import org.tandem.support.BalanceFixtures.TwoSessions;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.StatementCounter;

@IntegrationTest
@Import(StatementCounter.Counting.class)
class AlertServiceTest {

    @Autowired AlertService alerts;

    @Autowired BalanceSummaries summaries;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired StatementCounter counter;
    @Autowired ApplicationEventPublisher events;
    @Autowired Fixtures fixtures;
    @Autowired BalanceFixtures balanceFixtures;
    AuditTrail trail;
    Practice practice;
    String therapist;
    long ninaAndFelix;
    long nina;
    long felix;
    long secondSession;
    long ninasLatest;
    long felixsLatest;

    /**
     * BalanceServiceTest's two held sessions (the divergence flag appears at the second: 23.3, then 50.0), then a
     * requested check-in each: Nina 100.0 / 0.0 (DISTANT after BALANCED; intimacy 30.0 → 0.0, a reliable fall) and
     * Felix 0.0 / 0.0 (both subscales 50.0 → 0.0, reliable falls). The people are committed: refusals are audited
     * in a transaction of their own, which must see the accounts.
     */
    @BeforeEach
    void nina_and_felix_with_two_sessions_and_a_requested_check_in_each() {
        fixtures.committed(() -> practice = balanceFixtures.practice());
        therapist = practice.therapist().email();
        ninaAndFelix = practice.couple().id();
        nina = practice.couple().one().partnerId();
        felix = practice.couple().two().partnerId();
        TwoSessions sessions = balanceFixtures.divergingOverTwoSessions(practice.therapist(), practice.couple());
        secondSession = sessions.second().session();
        Round latest = balanceFixtures.fallingAway(practice.therapist(), practice.couple());
        ninasLatest = latest.one();
        felixsLatest = latest.two();
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    List<CoupleAlert> of(List<CoupleAlert> all, AlertKind kind) {
        return all.stream().filter(alert -> alert.kind() == kind).toList();
    }

    @Test
    void the_therapist_sees_each_rule_that_fires_with_its_partner_subject_and_reason() {
        signIn.as(therapist);
        List<CoupleAlert> all = alerts.alerts(ninaAndFelix);

        assertThat(of(all, AlertKind.RELIABLE_DETERIORATION))
                .extracting(CoupleAlert::partnerId, CoupleAlert::subjectId, CoupleAlert::reasonKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(nina, ninasLatest,
                                "balance.alert.deterioration.intimacy.provisional"),
                        org.assertj.core.groups.Tuple.tuple(felix, felixsLatest,
                                "balance.alert.deterioration.independence.provisional"),
                        org.assertj.core.groups.Tuple.tuple(felix, felixsLatest,
                                "balance.alert.deterioration.intimacy.provisional"));
        assertThat(of(all, AlertKind.LEFT_BALANCED)).singleElement().satisfies(alert -> {
            assertThat(alert.partnerId()).isEqualTo(nina);
            assertThat(alert.reasonArgs()).containsExactly("Nina", Zone.DISTANT);
        });
        // The flag appeared at the second session (50.0 after 23.3); requested check-ins have no divergence.
        assertThat(of(all, AlertKind.DIVERGENCE)).singleElement().satisfies(alert -> {
            assertThat(alert.partnerId()).isNull();
            assertThat(alert.subjectId()).isEqualTo(secondSession);
            assertThat(alert.reasonArgs().getFirst()).isEqualTo(new java.math.BigDecimal("50.0"));
        });
        assertThat(all).noneMatch(CoupleAlert::acknowledged);
        // A section of the Overview: the Overview's one couple.read row records the read.
        assertThat(trail.since()).isEmpty();
    }

    @Test
    void reading_alerts_takes_the_same_few_statements_whatever_the_history() {
        signIn.as(therapist);
        counter.start();
        alerts.alerts(ninaAndFelix);
        List<String> statements = counter.stop();

        // access check, clinic figures, check-in history, the other facts
        assertThat(statements).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void acknowledging_an_alert_marks_it_audits_it_and_lowers_the_caseload_count() {
        TandemUser hana = signIn.as(therapist);
        summaries.refresh(hana.clinicId(), ninaAndFelix);
        int before = summaryAlerts();
        CoupleAlert divergence = of(alerts.alerts(ninaAndFelix), AlertKind.DIVERGENCE).getFirst();

        CoupleAlert acknowledged = alerts.acknowledge(ninaAndFelix, divergence);
        alerts.acknowledge(ninaAndFelix, divergence);

        assertThat(acknowledged.acknowledged()).isTrue();
        assertThat(of(alerts.alerts(ninaAndFelix), AlertKind.DIVERGENCE)).singleElement()
                .extracting(CoupleAlert::acknowledged).isEqualTo(true);
        assertThat(dsl.fetchCount(ALERT_ACKNOWLEDGEMENT, ALERT_ACKNOWLEDGEMENT.COUPLE_ID.eq(ninaAndFelix))).isEqualTo(1);
        assertThat(trail.since("balance.alert_acknowledged")).hasSize(2);
        assertThat(summaryAlerts()).isEqualTo(before - 1);
    }

    @Test
    void an_alert_that_does_not_fire_cannot_be_acknowledged() {
        signIn.as(therapist);
        CoupleAlert invented = new CoupleAlert(AlertKind.OVERDUE_ASSIGNMENT, null, 999_999L, "x", List.of(), false);

        assertThatThrownBy(() -> alerts.acknowledge(ninaAndFelix, invented)).isInstanceOf(AccessDeniedException.class);
        assertThat(trail.since("access.denied")).hasSize(1);
    }

    @Test
    void another_therapist_another_clinic_an_admin_and_a_partner_are_refused_and_audited() {
        signIn.as(therapist);
        CoupleAlert divergence = of(alerts.alerts(ninaAndFelix), AlertKind.DIVERGENCE).getFirst();
        List<String> refused = List.of(practice.colleague().email(),
                practice.otherClinicsTherapist().email(), practice.admin().email(), practice.couple().one().email());
        for (String who : refused) {
            signIn.as(who);
            assertThatThrownBy(() -> alerts.alerts(ninaAndFelix)).as(who).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> alerts.acknowledge(ninaAndFelix, divergence)).as(who)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(trail.since("access.denied")).hasSize(2 * refused.size());
        assertThat(dsl.fetchCount(ALERT_ACKNOWLEDGEMENT, ALERT_ACKNOWLEDGEMENT.COUPLE_ID.eq(ninaAndFelix))).isZero();
    }

    @Test
    void the_summary_holds_each_partners_latest_zone_trend_and_open_alerts() {
        TandemUser hana = signIn.as(therapist);
        summaries.refresh(hana.clinicId(), ninaAndFelix);
        int open = (int) alerts.alerts(ninaAndFelix).stream().filter(alert -> !alert.acknowledged()).count();

        var row = dsl.fetchSingle(BALANCE_SUMMARY, BALANCE_SUMMARY.COUPLE_ID.eq(ninaAndFelix));
        assertThat(row.getPartnerOneZone()).isEqualTo(Zone.DISTANT);
        assertThat(row.getPartnerOneTrend()).isEqualTo(Trend.DOWN);
        assertThat(row.getPartnerTwoZone()).isEqualTo(Zone.DISCONNECTED);
        assertThat(row.getPartnerTwoTrend()).isEqualTo(Trend.DOWN);
        assertThat(row.getAlerts()).isEqualTo(open).isGreaterThanOrEqualTo(5);
    }

    @Test
    void the_periodic_sweep_refreshes_a_couple_with_open_alerts() {
        TandemUser hana = signIn.as(therapist);
        summaries.refresh(hana.clinicId(), ninaAndFelix);
        int open = summaryAlerts();
        dsl.update(BALANCE_SUMMARY).set(BALANCE_SUMMARY.ALERTS, 1).where(BALANCE_SUMMARY.COUPLE_ID.eq(ninaAndFelix))
                .execute();

        summaries.sweepTimeSensitive();

        assertThat(summaryAlerts()).isEqualTo(open);
    }

    @Test
    void a_submitted_check_in_or_a_scheduled_or_marked_session_each_refresh_the_summary() {
        TandemUser hana = signIn.as(therapist);
        long clinicId = hana.clinicId();
        summaries.refresh(clinicId, ninaAndFelix);
        int open = summaryAlerts();

        for (Object changed : List.of(new CheckInSubmitted(clinicId, ninaAndFelix, ninasLatest),
                new SessionScheduled(clinicId, ninaAndFelix, secondSession, hana.accountId()),
                new SessionMarked(clinicId, ninaAndFelix, secondSession, SessionStatus.HELD, hana.accountId()))) {
            // new settings refresh it in the background after their commit: BalanceRecomputeTest (decision 037)
            dsl.update(BALANCE_SUMMARY).set(BALANCE_SUMMARY.ALERTS, 0).where(BALANCE_SUMMARY.COUPLE_ID.eq(ninaAndFelix))
                    .execute();
            events.publishEvent(changed);
            assertThat(summaryAlerts()).as(changed.toString()).isEqualTo(open).isPositive();
        }
    }

    int summaryAlerts() {
        return dsl.select(BALANCE_SUMMARY.ALERTS).from(BALANCE_SUMMARY).where(BALANCE_SUMMARY.COUPLE_ID.eq(ninaAndFelix))
                .fetchSingle(BALANCE_SUMMARY.ALERTS);
    }
}
