package org.tandem.balance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The scoring of balance.md, instrument version 1, in one place for the screens, the CSV and the PDF.
 *
 * <p>Rounding happens only in {@link #round(long, long)}: a subscale score is an exact fraction of keyed sums
 * (10 · sum / 3 when complete, 25 · sum / 6 when prorated) rounded half-up to one decimal. Everything derived
 * from scores (lean, zone, divergence, change, reliable change) works on those rounded values and is exact
 * decimal arithmetic, so a figure in the CSV can be reproduced by hand. Only the reliable-change parameters
 * (SD, alpha) are estimated in {@code double}.
 */
public final class BalanceScoring {

    /** The version of the items, keys and scoring implemented here; stored answers keep their version. */
    public static final int INSTRUMENT_VERSION = 1;

    /** balance.md: below this many scored baselines the reliable-change parameters are provisional defaults. */
    public static final int MIN_BASELINES = 30;

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final double Z_95 = 1.96;
    private static final BigDecimal Z_95_SQUARED = new BigDecimal("3.8416");
    private static final int ITEMS_PER_SUBSCALE = 5;
    private static final int MAX_KEYED_SUM = ITEMS_PER_SUBSCALE * Item.MAX_ANSWER;

    private BalanceScoring() {}

    /** Both subscale scores of one check-in. */
    public static Scores score(CheckInAnswers answers) {
        return new Scores(score(answers, Subscale.INDEPENDENCE), score(answers, Subscale.INTIMACY));
    }

    /**
     * 100 × keyed sum / 30, rounded half-up to one decimal. With one item missing the sum is prorated as the mean
     * of the four answered keyed values × 5 (kept exact: 100 × (sum × 5 / 4) / 30 = 500 · sum / 120); with two or
     * more missing the subscale has no score.
     */
    public static @Nullable BigDecimal score(CheckInAnswers answers, Subscale subscale) {
        int sum = 0;
        int answered = 0;
        for (Item item : subscale.items()) {
            Integer answer = answers.answer(item);
            if (answer != null) {
                sum += item.keyed(answer);
                answered++;
            }
        }
        if (answered == ITEMS_PER_SUBSCALE) {
            return round(100L * sum, MAX_KEYED_SUM);
        }
        if (answered == ITEMS_PER_SUBSCALE - 1) {
            return round(100L * sum * ITEMS_PER_SUBSCALE, (long) MAX_KEYED_SUM * answered);
        }
        return null;
    }

    /**
     * The one rounding of this feature: the exact fraction numerator / denominator rounded half-up to one decimal.
     * (BigDecimal's division with a scale and rounding mode rounds the exact quotient, never an approximation.)
     */
    static BigDecimal round(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    /** Independence − intimacy from the rounded scores; {@code null} unless both are scored. */
    public static @Nullable BigDecimal lean(Scores scores) {
        BigDecimal independence = scores.independence();
        BigDecimal intimacy = scores.intimacy();
        return independence == null || intimacy == null ? null : independence.subtract(intimacy);
    }

    /** The zone of balance.md's table (a score exactly at T counts as ≥ T); {@code null} unless both are scored. */
    public static @Nullable Zone zone(Scores scores, int threshold) {
        BigDecimal independence = scores.independence();
        BigDecimal intimacy = scores.intimacy();
        if (independence == null || intimacy == null) {
            return null;
        }
        BigDecimal t = BigDecimal.valueOf(threshold);
        return Zone.of(independence.compareTo(t) >= 0, intimacy.compareTo(t) >= 0);
    }

    /**
     * The couple's divergence for a session: max(|indep A − indep B|, |intim A − intim B|) from the rounded
     * scores; {@code null} unless both partners have both subscales scored.
     */
    public static @Nullable BigDecimal divergence(Scores a, Scores b) {
        if (!a.scored() || !b.scored()) {
            return null;
        }
        BigDecimal independence = difference(a.independence(), b.independence());
        BigDecimal intimacy = difference(a.intimacy(), b.intimacy());
        return independence.max(intimacy);
    }

    private static BigDecimal difference(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return Objects.requireNonNull(a).subtract(Objects.requireNonNull(b)).abs();
    }

    /** The divergence flag: divergence ≥ D. */
    public static boolean diverged(@Nullable BigDecimal divergence, int flagAt) {
        return divergence != null && divergence.compareTo(BigDecimal.valueOf(flagAt)) >= 0;
    }

    /**
     * Change since baseline per subscale (latest − baseline, rounded scores) with Jacobson–Truax reliability:
     * reliable when |change| > 1.96 · S_diff, S_diff = √2 · SD · √(1 − r). The comparison is made on squares in
     * exact decimals (change² > 1.96² · 2 · SD² · (1 − r)) so that a change exactly at the threshold is reliably
     * "not greater", which a floating-point √ would leave to chance.
     */
    public static Change change(Scores baseline, Scores latest, Reliability reliability) {
        BigDecimal independence = changeOf(baseline, latest, Subscale.INDEPENDENCE);
        BigDecimal intimacy = changeOf(baseline, latest, Subscale.INTIMACY);
        return new Change(independence, intimacy,
                reliable(independence, reliability.independence()),
                reliable(intimacy, reliability.intimacy()),
                reliability.provisional());
    }

    private static @Nullable BigDecimal changeOf(Scores baseline, Scores latest, Subscale subscale) {
        BigDecimal from = baseline.score(subscale);
        BigDecimal to = latest.score(subscale);
        return from == null || to == null ? null : to.subtract(from);
    }

    /** Whether a change is reliable under the given parameters (|change| > 1.96 · S_diff, strictly). */
    public static boolean reliable(@Nullable BigDecimal change, ReliabilityParameters parameters) {
        if (change == null) {
            return false;
        }
        BigDecimal sd = BigDecimal.valueOf(parameters.sd());
        BigDecimal oneMinusR = BigDecimal.ONE.subtract(BigDecimal.valueOf(parameters.alpha()));
        BigDecimal thresholdSquared = Z_95_SQUARED.multiply(BigDecimal.TWO).multiply(sd.multiply(sd)).multiply(oneMinusR);
        return change.multiply(change).compareTo(thresholdSquared) > 0;
    }

    /**
     * The clinic's reliable-change parameters from its baselines (each partner's first scored check-in).
     *
     * <p>Per subscale: with fewer than 30 baselines scored on it, the provisional {@link ReliabilityParameters#DEFAULTS}.
     * From 30 on, SD is the <em>sample</em> standard deviation (n − 1) of the rounded baseline scores, and r is
     * Cronbach's alpha over the keyed items of the baselines that answered all five items of that subscale
     * (a prorated baseline counts for SD but has no item to give to alpha). Should alpha be undefined (fewer than
     * two complete baselines, or no variance in their totals) the subscale keeps the provisional defaults.
     */
    public static Reliability parameters(List<CheckInAnswers> baselines) {
        return new Reliability(parameters(baselines, Subscale.INDEPENDENCE), parameters(baselines, Subscale.INTIMACY));
    }

    static ReliabilityParameters parameters(List<CheckInAnswers> baselines, Subscale subscale) {
        List<Double> scores = new ArrayList<>();
        List<int[]> complete = new ArrayList<>();
        for (CheckInAnswers answers : baselines) {
            BigDecimal score = score(answers, subscale);
            if (score != null) {
                scores.add(score.doubleValue());
            }
            int[] keyed = keyedItems(answers, subscale);
            if (keyed != null) {
                complete.add(keyed);
            }
        }
        if (scores.size() < MIN_BASELINES) {
            return ReliabilityParameters.DEFAULTS;
        }
        Double alpha = cronbachAlpha(complete);
        if (alpha == null) {
            return ReliabilityParameters.DEFAULTS;
        }
        return new ReliabilityParameters(Math.sqrt(sampleVariance(scores)), alpha, false);
    }

    private static int @Nullable [] keyedItems(CheckInAnswers answers, Subscale subscale) {
        List<Item> items = subscale.items();
        int[] keyed = new int[items.size()];
        for (int i = 0; i < keyed.length; i++) {
            Integer answer = answers.answer(items.get(i));
            if (answer == null) {
                return null;
            }
            keyed[i] = items.get(i).keyed(answer);
        }
        return keyed;
    }

    /**
     * Cronbach's alpha, α = k / (k − 1) · (1 − Σ var(item) / var(total)), with sample variances (n − 1) throughout.
     * (The convention cancels in the ratio, but one convention keeps SD and alpha reproducible side by side.)
     * {@code null} when undefined: fewer than two rows, or totals without variance.
     */
    static @Nullable Double cronbachAlpha(List<int[]> rows) {
        if (rows.size() < 2) {
            return null;
        }
        int k = rows.getFirst().length;
        double itemVariances = 0;
        for (int item = 0; item < k; item++) {
            List<Double> values = new ArrayList<>();
            for (int[] row : rows) {
                values.add((double) row[item]);
            }
            itemVariances += sampleVariance(values);
        }
        List<Double> totals = new ArrayList<>();
        for (int[] row : rows) {
            int total = 0;
            for (int value : row) {
                total += value;
            }
            totals.add((double) total);
        }
        double totalVariance = sampleVariance(totals);
        if (totalVariance == 0) {
            return null;
        }
        return (double) k / (k - 1) * (1 - itemVariances / totalVariance);
    }

    /** Sample variance, Σ (x − mean)² / (n − 1). */
    static double sampleVariance(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return squares / (values.size() - 1);
    }
}
