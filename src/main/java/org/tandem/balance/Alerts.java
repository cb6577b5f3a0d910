package org.tandem.balance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tandem.balance.AlertFacts.PartnerHistory;
import org.tandem.balance.AlertFacts.ScheduledSession;
import org.tandem.balance.AlertFacts.SessionDivergence;

/**
 * The five alert rules of balance.md, pure. A partner's baseline is their first check-in with both subscales
 * scored, their latest the last such check-in; check-ins with an unscored subscale are passed over.
 */
public final class Alerts {

    /** A check-in opens this long before a scheduled session. */
    public static final Duration CHECK_IN_WINDOW = Duration.ofHours(48);

    static final String DETERIORATION_INDEPENDENCE = "balance.alert.deterioration.independence";
    static final String DETERIORATION_INTIMACY = "balance.alert.deterioration.intimacy";
    static final String PROVISIONAL_SUFFIX = ".provisional";
    static final String LEFT_BALANCED = "balance.alert.left-balanced";
    static final String DIVERGENCE = "balance.alert.divergence";
    static final String MISSING_CHECK_IN = "balance.alert.missing-check-in";
    static final String OVERDUE_ASSIGNMENT = "balance.alert.overdue-assignment";

    private Alerts() {}

    /** Every alert of the couple now, partners' alerts first (in partner order), then the couple's. */
    public static List<Alert> of(AlertFacts facts, BalanceSettings settings, Reliability reliability, Instant now) {
        List<Alert> alerts = new ArrayList<>();
        for (PartnerHistory partner : facts.partners()) {
            deterioration(partner, reliability, alerts);
            leftBalanced(partner, settings.threshold(), alerts);
        }
        divergence(facts.divergences(), settings.divergence(), alerts);
        for (ScheduledSession session : facts.upcoming()) {
            missingCheckIns(session, facts.partners(), now, alerts);
        }
        for (AlertFacts.OverdueAssignment assignment : facts.overdue()) {
            alerts.add(new Alert(AlertKind.OVERDUE_ASSIGNMENT, null, assignment.assignmentId(), OVERDUE_ASSIGNMENT,
                    List.of(assignment.title(), assignment.dueOn())));
        }
        return alerts;
    }

    /** Reliable change in the unfavourable direction (a decrease) of either subscale, baseline to latest. */
    private static void deterioration(PartnerHistory partner, Reliability reliability, List<Alert> alerts) {
        List<CheckInScores> scored = scored(partner);
        if (scored.size() < 2) {
            return;
        }
        CheckInScores latest = scored.getLast();
        Change change = BalanceScoring.change(scored.getFirst().scores(), latest.scores(), reliability);
        for (Subscale subscale : Subscale.values()) {
            if (change.reliablyWorse(subscale)) {
                String key = subscale == Subscale.INDEPENDENCE ? DETERIORATION_INDEPENDENCE : DETERIORATION_INTIMACY;
                boolean provisional = reliability.of(subscale).provisional();
                alerts.add(new Alert(AlertKind.RELIABLE_DETERIORATION, partner.partnerId(), latest.checkInId(),
                        provisional ? key + PROVISIONAL_SUFFIX : key,
                        List.of(partner.name(), Objects.requireNonNull(change.change(subscale)))));
            }
        }
    }

    /** The previous scored check-in was BALANCED and the latest is in another zone. */
    private static void leftBalanced(PartnerHistory partner, int threshold, List<Alert> alerts) {
        List<CheckInScores> scored = scored(partner);
        if (scored.size() < 2) {
            return;
        }
        CheckInScores latest = scored.getLast();
        Zone previous = scored.get(scored.size() - 2).scores().zone(threshold);
        Zone now = latest.scores().zone(threshold);
        if (previous == Zone.BALANCED && now != null && now != Zone.BALANCED) {
            alerts.add(new Alert(AlertKind.LEFT_BALANCED, partner.partnerId(), latest.checkInId(), LEFT_BALANCED,
                    List.of(partner.name(), now)));
        }
    }

    /**
     * The flag "appears" at a session that is flagged when the session with a divergence before it was not (or
     * there was none). The alert stands while the latest session with a divergence is still flagged; its subject is
     * the session where this run of flags appeared, so that one acknowledgement covers the whole run and a flag that
     * goes and comes back is a new alert. The sentence gives the latest divergence and its session's date.
     */
    private static void divergence(List<SessionDivergence> divergences, int flagAt, List<Alert> alerts) {
        List<SessionDivergence> known = divergences.stream().filter(d -> d.divergence() != null).toList();
        if (known.isEmpty() || !BalanceScoring.diverged(known.getLast().divergence(), flagAt)) {
            return;
        }
        int appeared = known.size() - 1;
        while (appeared > 0 && BalanceScoring.diverged(known.get(appeared - 1).divergence(), flagAt)) {
            appeared--;
        }
        SessionDivergence latest = known.getLast();
        alerts.add(new Alert(AlertKind.DIVERGENCE, null, known.get(appeared).sessionId(), DIVERGENCE,
                List.of(Objects.requireNonNull(latest.divergence()), latest.date())));
    }

    /**
     * Once a session's check-in window is open (48 hours before it starts) and until it starts, each partner
     * who has not checked in within the window is missing. Sessions further ahead raise nothing yet.
     */
    private static void missingCheckIns(ScheduledSession session, List<PartnerHistory> partners, Instant now,
            List<Alert> alerts) {
        Instant opens = session.startsAt().minus(CHECK_IN_WINDOW);
        if (now.isBefore(opens) || !now.isBefore(session.startsAt())) {
            return;
        }
        for (PartnerHistory partner : partners) {
            if (!session.checkedIn().contains(partner.partnerId())) {
                alerts.add(new Alert(AlertKind.MISSING_CHECK_IN, partner.partnerId(), session.sessionId(),
                        MISSING_CHECK_IN, List.of(partner.name(), session.startsAt())));
            }
        }
    }

    private static List<CheckInScores> scored(PartnerHistory partner) {
        return partner.checkIns().stream().filter(c -> c.scores().scored()).toList();
    }
}
