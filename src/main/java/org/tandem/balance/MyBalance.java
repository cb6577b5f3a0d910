package org.tandem.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a partner sees of the balance check-ins: their own submitted check-ins, oldest first, and — only while both
 * partners agree to share — their partner's. Each partner's consent is shown so that the page can explain it.
 *
 * @param partnerName the other partner's name, {@code null} for a couple with one partner
 * @param threshold the clinic's balance threshold T, which the chart shades from
 * @param lines the submitted check-ins shown, oldest first: the partner's own, and their partner's only while both
 *     share
 */
public record MyBalance(long partnerId, String myName, @Nullable String partnerName, boolean iShare,
        boolean partnerShares, int threshold, List<CoupleBalance.CheckInLine> lines) {

    /** Changes smaller than this many points (either way) read as "steady" on the partner's page. */
    public static final BigDecimal STEADY_WITHIN = new BigDecimal("5.0");

    public MyBalance {
        lines = List.copyOf(lines);
    }

    /** The partner's own check-ins, oldest first. */
    public List<MyScore> myScores() {
        return lines.stream().filter(line -> line.partnerId() == partnerId).map(MyScore::of).toList();
    }

    /** The other partner's check-ins, oldest first: empty unless both partners share. */
    public List<MyScore> partnerScores() {
        return lines.stream().filter(line -> line.partnerId() != partnerId).map(MyScore::of).toList();
    }

    /** Both partners agree: their scores are shown together. */
    public boolean bothShare() {
        return iShare && partnerShares;
    }

    /** One submitted check-in: its scores as balance.md rounds them, the closeness picture (1–7) and the zone. */
    public record MyScore(long checkInId, Instant submittedAt, @Nullable BigDecimal independence,
            @Nullable BigDecimal intimacy, @Nullable Integer closeness, @Nullable Zone zone) {

        static MyScore of(CoupleBalance.CheckInLine line) {
            return new MyScore(line.checkInId(), line.submittedAt(), line.scores().independence(),
                    line.scores().intimacy(), line.answers().closeness(), line.zone());
        }

        public boolean scored() {
            return independence != null && intimacy != null;
        }

        public @Nullable BigDecimal score(Subscale subscale) {
            return subscale == Subscale.INDEPENDENCE ? independence : intimacy;
        }
    }

    /** Which way a subscale went from the partner's first scored check-in to the latest. */
    public enum Trend { UP, STEADY, DOWN }

    /** The partner's own scored check-ins, oldest first. */
    public List<MyScore> myScored() {
        return myScores().stream().filter(MyScore::scored).toList();
    }

    /** The partner's latest scored check-in, {@code null} before the first. */
    public @Nullable MyScore latest() {
        List<MyScore> scored = myScored();
        return scored.isEmpty() ? null : scored.getLast();
    }

    /**
     * The change of a subscale from the first scored check-in to the latest (rounded scores, as balance.md asks),
     * {@code null} with fewer than two scored check-ins.
     */
    public @Nullable BigDecimal change(Subscale subscale) {
        List<MyScore> scored = myScored();
        if (scored.size() < 2) {
            return null;
        }
        BigDecimal first = scored.getFirst().score(subscale);
        BigDecimal last = scored.getLast().score(subscale);
        return first == null || last == null ? null : last.subtract(first);
    }

    /** {@link #change} in words: up, steady (within {@link #STEADY_WITHIN}) or down; {@code null} likewise. */
    public @Nullable Trend trend(Subscale subscale) {
        BigDecimal change = change(subscale);
        if (change == null) {
            return null;
        }
        if (change.abs().compareTo(STEADY_WITHIN) < 0) {
            return Trend.STEADY;
        }
        return change.signum() > 0 ? Trend.UP : Trend.DOWN;
    }
}
