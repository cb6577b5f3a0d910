package org.tandem.balance;

import org.tandem.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.ALERT_ACKNOWLEDGEMENT;
import static org.tandem.jooq.Tables.BALANCE_SUMMARY;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.accounts.TandemUser;
import org.tandem.sessions.SessionMarked;
import org.tandem.sessions.SessionScheduled;
import org.tandem.sessions.SessionStatus;
import org.tandem.support.AuditTrail;
import org.tandem.support.DemoTest;
import org.tandem.support.OtherClinic;
import org.tandem.support.SignIn;
import org.tandem.support.StatementCounter;
import org.tandem.support.TestData;

@DemoTest
@Import(StatementCounter.Counting.class)
class AlertServiceTest {

    @Autowired AlertService alerts;

    @Autowired TestClock clock;
    @Autowired BalanceSummaries summaries;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired PlatformTransactionManager transactions;
    @Autowired StatementCounter counter;
    @Autowired ApplicationEventPublisher events;
    AuditTrail trail;
    long alexAndSam;
    long alex;
    long sam;
    long secondSession;
    long alexLatest;
    long samLatest;

    /**
     * BalanceServiceTest's two held sessions (the divergence flag appears at the second: 23.3, then 50.0), then a
     * requested check-in each: Alex 100.0 / 0.0 (DISTANT after BALANCED; intimacy 30.0 → 0.0, a reliable fall) and
     * Sam 0.0 / 0.0 (both subscales 50.0 → 0.0, reliable falls).
     */
    @BeforeEach
    void alex_and_sam_with_two_sessions_and_a_requested_check_in_each() {
        OtherClinic.ensure(dsl, transactions);
        TandemUser therapist = signIn.as(CheckInServiceTest.THERAPIST);
        signIn.out();
        alexAndSam = TestData.coupleOf(dsl, "Alex Morgan");
        var sessions = StoredCheckIns.TwoSessions.of(dsl, alexAndSam, therapist.accountId());
        StoredCheckIns stored = sessions.stored();
        alex = sessions.alex();
        sam = sessions.sam();
        secondSession = sessions.secondSession();
        Instant now = clock.instant();
        alexLatest = stored.submitted(alex, null, now.minus(Duration.ofDays(2)), 6, 6, 0, 6, 6, 0, 0, 0, 6, 0);
        samLatest = stored.submitted(sam, null, now.minus(Duration.ofDays(2)), 0, 0, 6, 0, 0, 0, 0, 0, 6, 0);
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
        signIn.as(CheckInServiceTest.THERAPIST);
        List<CoupleAlert> all = alerts.alerts(alexAndSam);

        assertThat(of(all, AlertKind.RELIABLE_DETERIORATION))
                .extracting(CoupleAlert::partnerId, CoupleAlert::subjectId, CoupleAlert::reasonKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(alex, alexLatest,
                                "balance.alert.deterioration.intimacy.provisional"),
                        org.assertj.core.groups.Tuple.tuple(sam, samLatest,
                                "balance.alert.deterioration.independence.provisional"),
                        org.assertj.core.groups.Tuple.tuple(sam, samLatest,
                                "balance.alert.deterioration.intimacy.provisional"));
        assertThat(of(all, AlertKind.LEFT_BALANCED)).singleElement().satisfies(alert -> {
            assertThat(alert.partnerId()).isEqualTo(alex);
            assertThat(alert.reasonArgs()).containsExactly("Alex", Zone.DISTANT);
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
        signIn.as(CheckInServiceTest.THERAPIST);
        counter.start();
        alerts.alerts(alexAndSam);
        List<String> statements = counter.stop();

        // access check, clinic figures, check-in history, the other facts
        assertThat(statements).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void acknowledging_an_alert_marks_it_audits_it_and_lowers_the_caseload_count() {
        TandemUser therapist = signIn.as(CheckInServiceTest.THERAPIST);
        summaries.refresh(therapist.clinicId(), alexAndSam);
        int before = summaryAlerts();
        CoupleAlert divergence = of(alerts.alerts(alexAndSam), AlertKind.DIVERGENCE).getFirst();

        CoupleAlert acknowledged = alerts.acknowledge(alexAndSam, divergence);
        alerts.acknowledge(alexAndSam, divergence);

        assertThat(acknowledged.acknowledged()).isTrue();
        assertThat(of(alerts.alerts(alexAndSam), AlertKind.DIVERGENCE)).singleElement()
                .extracting(CoupleAlert::acknowledged).isEqualTo(true);
        assertThat(dsl.fetchCount(ALERT_ACKNOWLEDGEMENT, ALERT_ACKNOWLEDGEMENT.COUPLE_ID.eq(alexAndSam))).isEqualTo(1);
        assertThat(trail.since("balance.alert_acknowledged")).hasSize(2);
        assertThat(summaryAlerts()).isEqualTo(before - 1);
    }

    @Test
    void an_alert_that_does_not_fire_cannot_be_acknowledged() {
        signIn.as(CheckInServiceTest.THERAPIST);
        CoupleAlert invented = new CoupleAlert(AlertKind.OVERDUE_ASSIGNMENT, null, 999_999L, "x", List.of(), false);

        assertThatThrownBy(() -> alerts.acknowledge(alexAndSam, invented)).isInstanceOf(AccessDeniedException.class);
        assertThat(trail.since("access.denied")).hasSize(1);
    }

    @Test
    void another_therapist_another_clinic_an_admin_and_a_partner_are_refused_and_audited() {
        signIn.as(CheckInServiceTest.THERAPIST);
        CoupleAlert divergence = of(alerts.alerts(alexAndSam), AlertKind.DIVERGENCE).getFirst();
        List<String> refused = List.of(CheckInServiceTest.THERAPIST_2, OtherClinic.THERAPIST_EMAIL,
                CheckInServiceTest.ADMIN, CheckInServiceTest.ALEX);
        for (String who : refused) {
            signIn.as(who);
            assertThatThrownBy(() -> alerts.alerts(alexAndSam)).as(who).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> alerts.acknowledge(alexAndSam, divergence)).as(who)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(trail.since("access.denied")).hasSize(2 * refused.size());
        assertThat(dsl.fetchCount(ALERT_ACKNOWLEDGEMENT, ALERT_ACKNOWLEDGEMENT.COUPLE_ID.eq(alexAndSam))).isZero();
    }

    @Test
    void the_summary_holds_each_partners_latest_zone_trend_and_open_alerts() {
        TandemUser therapist = signIn.as(CheckInServiceTest.THERAPIST);
        summaries.refresh(therapist.clinicId(), alexAndSam);
        int open = (int) alerts.alerts(alexAndSam).stream().filter(alert -> !alert.acknowledged()).count();

        var row = dsl.fetchSingle(BALANCE_SUMMARY, BALANCE_SUMMARY.COUPLE_ID.eq(alexAndSam));
        assertThat(row.getPartnerOneZone()).isEqualTo(Zone.DISTANT);
        assertThat(row.getPartnerOneTrend()).isEqualTo(Trend.DOWN);
        assertThat(row.getPartnerTwoZone()).isEqualTo(Zone.DISCONNECTED);
        assertThat(row.getPartnerTwoTrend()).isEqualTo(Trend.DOWN);
        assertThat(row.getAlerts()).isEqualTo(open).isGreaterThanOrEqualTo(5);
    }

    @Test
    void the_periodic_sweep_refreshes_a_couple_with_open_alerts() {
        TandemUser therapist = signIn.as(CheckInServiceTest.THERAPIST);
        summaries.refresh(therapist.clinicId(), alexAndSam);
        int open = summaryAlerts();
        dsl.update(BALANCE_SUMMARY).set(BALANCE_SUMMARY.ALERTS, 1).where(BALANCE_SUMMARY.COUPLE_ID.eq(alexAndSam))
                .execute();

        summaries.sweepTimeSensitive();

        assertThat(summaryAlerts()).isEqualTo(open);
    }

    @Test
    void a_submitted_check_in_a_scheduled_or_marked_session_and_new_settings_each_refresh_the_summary() {
        TandemUser therapist = signIn.as(CheckInServiceTest.THERAPIST);
        long clinicId = therapist.clinicId();
        summaries.refresh(clinicId, alexAndSam);
        int open = summaryAlerts();

        for (Object changed : List.of(new CheckInSubmitted(clinicId, alexAndSam, alexLatest),
                new SessionScheduled(clinicId, alexAndSam, secondSession),
                new SessionMarked(clinicId, alexAndSam, secondSession, SessionStatus.HELD),
                new BalanceSettingsChanged(clinicId))) {
            dsl.update(BALANCE_SUMMARY).set(BALANCE_SUMMARY.ALERTS, 0).where(BALANCE_SUMMARY.COUPLE_ID.eq(alexAndSam))
                    .execute();
            events.publishEvent(changed);
            assertThat(summaryAlerts()).as(changed.toString()).isEqualTo(open).isPositive();
        }
    }

    int summaryAlerts() {
        return dsl.select(BALANCE_SUMMARY.ALERTS).from(BALANCE_SUMMARY).where(BALANCE_SUMMARY.COUPLE_ID.eq(alexAndSam))
                .fetchSingle(BALANCE_SUMMARY.ALERTS);
    }
}
