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
 * @param reliability the clinic's reliable-change parameters, as the therapist's Overview uses them
 * @param lines the submitted check-ins shown, oldest first: the partner's own, and their partner's only while both
 *     share
 */
public record MyBalance(long partnerId, String myName, @Nullable String partnerName, boolean iShare,
        boolean partnerShares, int threshold, Reliability reliability, List<CoupleBalance.CheckInLine> lines) {

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

        Scores scores() {
            return new Scores(independence, intimacy);
        }
    }

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
     * The change from the first scored check-in (the baseline) to the latest, with its reliable-change marks, from
     * {@link BalanceScoring} as the therapist sees it; {@code null} with fewer than two scored check-ins.
     */
    public @Nullable Change changeSinceFirst() {
        List<MyScore> scored = myScored();
        if (scored.size() < 2) {
            return null;
        }
        return BalanceScoring.change(scored.getFirst().scores(), scored.getLast().scores(), reliability);
    }

    /** The change of a subscale since the first scored check-in (rounded scores); {@code null} likewise. */
    public @Nullable BigDecimal change(Subscale subscale) {
        Change change = changeSinceFirst();
        return change == null ? null : change.change(subscale);
    }

    /** {@link #changeSinceFirst} of a subscale in the partner's words; {@code null} likewise. */
    public @Nullable ChangeWords words(Subscale subscale) {
        Change change = changeSinceFirst();
        return change == null ? null : ChangeWords.of(change, subscale);
    }
}
