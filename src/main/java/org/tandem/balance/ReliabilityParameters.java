package org.tandem.balance;

/**
 * SD and reliability r (Cronbach's alpha) of one subscale for the Jacobson–Truax reliable change index.
 * {@code provisional} is true while the clinic has fewer than 30 scored baselines and the defaults stand in.
 */
public record ReliabilityParameters(double sd, double alpha, boolean provisional) {

    /** balance.md: SD = 18 and r = 0.80 until the clinic holds 30 baselines. */
    public static final ReliabilityParameters DEFAULTS = new ReliabilityParameters(18, 0.80, true);

    public ReliabilityParameters {
        if (!Double.isFinite(sd) || sd < 0) {
            throw new IllegalArgumentException("SD must be a finite number of at least 0, was " + sd);
        }
        // Cronbach's alpha can be negative but never above 1.
        if (!Double.isFinite(alpha) || alpha > 1) {
            throw new IllegalArgumentException("Alpha must be a finite number of at most 1, was " + alpha);
        }
    }

    /** S_diff = √2 · SD · √(1 − r). */
    public double standardErrorOfDifference() {
        return Math.sqrt(2) * sd * Math.sqrt(1 - alpha);
    }

    /** 1.96 · S_diff: a change is reliable when its size is strictly greater (for display; see BalanceScoring). */
    public double reliableChangeThreshold() {
        return BalanceScoring.Z_95 * standardErrorOfDifference();
    }
}
