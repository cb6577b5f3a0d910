package org.tandem.balance;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One check-in's subscale scores, each rounded to one decimal (0.0–100.0) or {@code null} when that subscale has
 * two or more missing answers. Every derived figure (lean, zone, divergence, change) starts from these rounded
 * values, so that anyone can reproduce it by hand from the CSV.
 */
public record Scores(@Nullable BigDecimal independence, @Nullable BigDecimal intimacy) {

    public Scores {
        independence = checked("independence", independence);
        intimacy = checked("intimacy", intimacy);
    }

    private static @Nullable BigDecimal checked(String subscale, @Nullable BigDecimal score) {
        if (score == null) {
            return null;
        }
        if (score.signum() < 0 || score.compareTo(BalanceScoring.HUNDRED) > 0) {
            throw new IllegalArgumentException("The " + subscale + " score must be between 0 and 100, was " + score);
        }
        try {
            return score.setScale(1);
        } catch (ArithmeticException notOneDecimal) {
            throw new IllegalArgumentException(
                    "The " + subscale + " score must be rounded to one decimal, was " + score, notOneDecimal);
        }
    }

    public @Nullable BigDecimal score(Subscale subscale) {
        return subscale == Subscale.INDEPENDENCE ? independence : intimacy;
    }

    /** True when both subscales are scored, that is when the check-in has a lean and a zone. */
    public boolean scored() {
        return independence != null && intimacy != null;
    }

    /** Independence − intimacy (positive: leaning towards independence); {@code null} unless both are scored. */
    public @Nullable BigDecimal lean() {
        return BalanceScoring.lean(this);
    }

    /** The zone against threshold T; {@code null} unless both subscales are scored. */
    public @Nullable Zone zone(int threshold) {
        return BalanceScoring.zone(this, threshold);
    }
}
