package org.tandem.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The balance figures of one couple as the therapist's Overview shows them, every one from {@link BalanceScoring}:
 * the clinic's settings, the reliable-change parameters (provisional while the clinic has fewer than 30
 * baselines), each partner's baseline, latest and change, and every submitted check-in oldest first with the
 * divergence of the session it belongs to.
 */
public record CoupleBalance(long coupleId, BalanceSettings settings, Reliability reliability,
        List<PartnerBalance> partners, List<CheckInLine> checkIns, List<SessionDivergence> sessions) {

    public CoupleBalance {
        partners = List.copyOf(partners);
        checkIns = List.copyOf(checkIns);
        sessions = List.copyOf(sessions);
    }

    /** True while the reliable-change marks rest on the provisional defaults. */
    public boolean provisional() {
        return reliability.provisional();
    }

    /** A scored check-in (both subscales) with its zone against the clinic's T. */
    public record Point(long checkInId, Instant submittedAt, Scores scores, Zone zone) {}

    /**
     * A partner who submitted at least one check-in: baseline (first scored) and latest scored check-in, both
     * {@code null} while none is scored, and the change between them ({@code null} likewise).
     */
    public record PartnerBalance(long partnerId, String partnerName, int partnerPosition,
            @Nullable Point baseline, @Nullable Point latest,
            @Nullable Change change) {}

    /**
     * One submitted check-in: its raw answers on their instrument version, its scores, zone ({@code null} unless
     * both subscales are scored), the divergence of its session with the flag ({@code null} / false for a requested
     * check-in or when not both partners are scored for that session), and the change from the partner's baseline
     * to this check-in ({@code null} while the partner has no scored check-in).
     */
    public record CheckInLine(long checkInId, long partnerId, String partnerName, int partnerPosition,
            int instrumentVersion,
            Instant submittedAt, @Nullable Instant sessionStartsAt, CheckInAnswers answers, Scores scores,
            @Nullable Zone zone, @Nullable BigDecimal divergence, boolean diverged, @Nullable Change change) {

        /** A check-in on its own, as a partner's chart draws it: scores and zone, no divergence and no change. */
        static CheckInLine unpaired(ScoredCheckIn checkIn, int threshold) {
            return new CheckInLine(checkIn.checkInId(), checkIn.partnerId(), checkIn.partnerName(),
                    checkIn.partnerPosition(), checkIn.instrumentVersion(), checkIn.submittedAt(),
                    checkIn.sessionStartsAt(), checkIn.answers(), checkIn.scores(),
                    checkIn.scores().zone(threshold), null, false, null);
        }
    }

    /** The couple's divergence for one session where both partners are scored, and whether it is flagged (≥ D). */
    public record SessionDivergence(Instant sessionStartsAt, BigDecimal divergence, boolean flagged) {}
}
