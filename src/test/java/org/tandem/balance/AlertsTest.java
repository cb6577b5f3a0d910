package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.balance.Answers.scores;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.balance.AlertFacts.OverdueAssignment;
import org.tandem.balance.AlertFacts.PartnerHistory;
import org.tandem.balance.AlertFacts.ScheduledSession;
import org.tandem.balance.AlertFacts.SessionDivergence;

class AlertsTest {

    private static final Instant NOW = Instant.parse("2026-06-11T12:00:00Z");
    private static final long ALEX = 1;
    private static final long SAM = 2;

    private static PartnerHistory alex(Scores... checkIns) {
        return history(ALEX, "Alex", checkIns);
    }

    private static PartnerHistory history(long partnerId, String name, Scores... checkIns) {
        List<CheckInScores> history = new ArrayList<>();
        for (int i = 0; i < checkIns.length; i++) {
            history.add(new CheckInScores(partnerId * 100 + i, checkIns[i]));
        }
        return new PartnerHistory(partnerId, name, history);
    }

    private static List<Alert> alerts(List<PartnerHistory> partners, List<SessionDivergence> divergences,
            List<ScheduledSession> upcoming, List<OverdueAssignment> overdue) {
        return Alerts.of(new AlertFacts(partners, divergences, upcoming, overdue), BalanceSettings.DEFAULTS,
                Reliability.DEFAULTS, NOW);
    }

    private static List<Alert> alertsOf(PartnerHistory... partners) {
        return alerts(List.of(partners), List.of(), List.of(), List.of());
    }

    @Test
    void a_reliable_decrease_since_baseline_raises_a_provisional_deterioration_alert() {
        // Default parameters: reliable beyond 22.313…; intimacy 70.0 → 47.6 is −22.4 (FUSED → DISCONNECTED).
        List<Alert> alerts = alertsOf(alex(scores("50.0", "70.0"), scores("45.0", "69.0"), scores("50.0", "47.6")));

        assertThat(alerts).containsExactly(new Alert(AlertKind.RELIABLE_DETERIORATION, ALEX, 102,
                "balance.alert.deterioration.intimacy.provisional", List.of("Alex", new BigDecimal("-22.4"))));
    }

    @Test
    void a_deterioration_with_estimated_parameters_is_not_provisional_and_each_subscale_counts() {
        Reliability estimated = new Reliability(new ReliabilityParameters(10, 0.5, false),
                new ReliabilityParameters(10, 0.5, false));
        AlertFacts facts = new AlertFacts(List.of(alex(scores("80.0", "80.0"), scores("60.3", "60.0"))), List.of(),
                List.of(), List.of());

        List<Alert> alerts = Alerts.of(facts, BalanceSettings.DEFAULTS, estimated, NOW);

        // threshold 19.6: −19.7 is reliable, −20.0 too; −19.6 (next case) is not. 60.3/60.0 is still BALANCED.
        assertThat(alerts).extracting(Alert::reasonKey).containsExactly("balance.alert.deterioration.independence",
                "balance.alert.deterioration.intimacy");
        AlertFacts atThreshold = new AlertFacts(List.of(alex(scores("80.0", "80.0"), scores("60.4", "80.0"))),
                List.of(), List.of(), List.of());
        assertThat(Alerts.of(atThreshold, BalanceSettings.DEFAULTS, estimated, NOW)).isEmpty();
    }

    @Test
    void no_deterioration_alert_for_an_unreliable_decrease_or_a_reliable_increase() {
        assertThat(alertsOf(alex(scores("50.0", "70.0"), scores("50.0", "47.7")))).isEmpty();
        assertThat(alertsOf(alex(scores("30.0", "30.0"), scores("70.0", "70.0")))).isEmpty();
        assertThat(alertsOf(alex(scores("70.0", "70.0")))).isEmpty();
        assertThat(alertsOf(alex())).isEmpty();
    }

    @Test
    void baseline_and_latest_are_the_first_and_last_fully_scored_check_ins() {
        // The unscored check-ins before and after are passed over: 70.0 → 47.6 is still a reliable fall.
        List<Alert> alerts = alertsOf(alex(new Scores(null, new BigDecimal("10.0")), scores("30.0", "70.0"),
                scores("30.0", "47.6"), new Scores(new BigDecimal("30.0"), null)));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.RELIABLE_DETERIORATION);
            assertThat(alert.subjectId()).isEqualTo(102);
        });
    }

    @Test
    void leaving_balanced_raises_an_alert_naming_the_new_zone() {
        List<Alert> alerts = alertsOf(alex(scores("50.0", "50.0"), scores("60.0", "60.0"), scores("60.0", "59.9")));

        assertThat(alerts).containsExactly(new Alert(AlertKind.LEFT_BALANCED, ALEX, 102, "balance.alert.left-balanced",
                List.of("Alex", Zone.DISTANT)));
    }

    @Test
    void no_left_balanced_alert_when_staying_balanced_arriving_or_moving_between_other_zones() {
        assertThat(alertsOf(alex(scores("60.0", "60.0"), scores("70.0", "61.0")))).isEmpty();
        assertThat(alertsOf(alex(scores("50.0", "60.0"), scores("60.0", "60.0")))).isEmpty();
        assertThat(alertsOf(alex(scores("50.0", "70.0"), scores("70.0", "50.0")))).isEmpty();
        // BALANCED two check-ins ago does not count: the previous one was already DISTANT
        assertThat(alertsOf(alex(scores("60.0", "60.0"), scores("65.0", "55.0"), scores("65.0", "50.0")))).isEmpty();
    }

    @Test
    void the_divergence_flag_raises_an_alert_when_it_appears() {
        List<SessionDivergence> divergences = List.of(
                new SessionDivergence(7, LocalDate.of(2026, 5, 1), new BigDecimal("12.0")),
                new SessionDivergence(8, LocalDate.of(2026, 5, 15), null),
                new SessionDivergence(9, LocalDate.of(2026, 6, 1), new BigDecimal("25.0")));

        assertThat(alerts(List.of(), divergences, List.of(), List.of())).containsExactly(new Alert(
                AlertKind.DIVERGENCE, null, 9, "balance.alert.divergence",
                List.of(new BigDecimal("25.0"), LocalDate.of(2026, 6, 1))));
        assertThat(alerts(List.of(), List.of(divergences.getLast()), List.of(), List.of())).hasSize(1);
    }

    @Test
    void no_divergence_alert_below_d_and_a_flag_that_stays_keeps_the_session_where_it_appeared() {
        SessionDivergence flagged = new SessionDivergence(8, LocalDate.of(2026, 5, 15), new BigDecimal("30.0"));
        SessionDivergence stillFlagged = new SessionDivergence(9, LocalDate.of(2026, 6, 1), new BigDecimal("26.0"));
        SessionDivergence justBelow = new SessionDivergence(9, LocalDate.of(2026, 6, 1), new BigDecimal("24.9"));

        assertThat(alerts(List.of(), List.of(justBelow), List.of(), List.of())).isEmpty();
        assertThat(alerts(List.of(), List.of(flagged, stillFlagged), List.of(), List.of())).containsExactly(new Alert(
                AlertKind.DIVERGENCE, null, 8, "balance.alert.divergence",
                List.of(new BigDecimal("26.0"), LocalDate.of(2026, 6, 1))));
        assertThat(alerts(List.of(), List.of(flagged, justBelow), List.of(), List.of())).isEmpty();
        assertThat(alerts(List.of(), List.of(), List.of(), List.of())).isEmpty();
    }

    @Test
    void a_partner_without_a_check_in_in_an_open_window_is_missing() {
        Instant startsAt = NOW.plusSeconds(24 * 3600);
        ScheduledSession session = new ScheduledSession(5, startsAt, Set.of(SAM));

        List<Alert> alerts = alerts(List.of(alex(), history(SAM, "Sam")), List.of(), List.of(session), List.of());

        assertThat(alerts).containsExactly(new Alert(AlertKind.MISSING_CHECK_IN, ALEX, 5,
                "balance.alert.missing-check-in", List.of("Alex", startsAt)));
    }

    @Test
    void no_missing_check_in_before_the_window_opens_or_when_both_checked_in() {
        List<PartnerHistory> partners = List.of(alex(), history(SAM, "Sam"));
        ScheduledSession notYetOpen = new ScheduledSession(5, NOW.plusSeconds(48 * 3600 + 1), Set.of());
        ScheduledSession justOpen = new ScheduledSession(6, NOW.plusSeconds(48 * 3600), Set.of());
        ScheduledSession bothIn = new ScheduledSession(7, NOW.plusSeconds(3600), Set.of(ALEX, SAM));
        ScheduledSession started = new ScheduledSession(8, NOW, Set.of());

        assertThat(alerts(partners, List.of(), List.of(notYetOpen, bothIn, started), List.of())).isEmpty();
        assertThat(alerts(partners, List.of(), List.of(justOpen), List.of())).hasSize(2);
    }

    @Test
    void every_overdue_assignment_raises_a_couple_alert() {
        OverdueAssignment overdue = new OverdueAssignment(42, "Weekly check-in ritual", LocalDate.of(2026, 6, 1));

        assertThat(alerts(List.of(alex()), List.of(), List.of(), List.of(overdue))).containsExactly(new Alert(
                AlertKind.OVERDUE_ASSIGNMENT, null, 42, "balance.alert.overdue-assignment",
                List.of("Weekly check-in ritual", LocalDate.of(2026, 6, 1))));
        assertThat(alerts(List.of(alex()), List.of(), List.of(), List.of())).isEmpty();
    }

    @Test
    void the_thresholds_of_the_clinic_settings_apply() {
        // T = 70: 65/65 is not BALANCED, so leaving it is no alert; 75/75 → 75/65 is.
        AlertFacts facts = new AlertFacts(List.of(alex(scores("65.0", "65.0"), scores("65.0", "55.0")),
                history(SAM, "Sam", scores("75.0", "75.0"), scores("75.0", "65.0"))),
                List.of(new SessionDivergence(3, LocalDate.of(2026, 6, 1), new BigDecimal("25.0"))), List.of(),
                List.of());

        List<Alert> alerts = Alerts.of(facts, new BalanceSettings(70, 30), Reliability.DEFAULTS, NOW);

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.LEFT_BALANCED);
            assertThat(alert.partnerId()).isEqualTo(SAM);
        });
    }
}
