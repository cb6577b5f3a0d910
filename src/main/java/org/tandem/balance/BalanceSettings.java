package org.tandem.balance;

/**
 * A clinic's balance settings. Threshold T (balance.md: default 60, between 40 and 80) draws the zones;
 * divergence D (default 25) flags a couple whose partners' scores lie that far apart.
 */
public record BalanceSettings(int threshold, int divergence) {

    public static final int MIN_THRESHOLD = 40;
    public static final int MAX_THRESHOLD = 80;
    // balance.md and product.md give D's default (25) but no range; 10..50 keeps the flag meaningful on a
    // 0–100 scale (below 10 it fires on measurement noise, above 50 it can hardly fire) and holds the default.
    public static final int MIN_DIVERGENCE = 10;
    public static final int MAX_DIVERGENCE = 50;

    public static final BalanceSettings DEFAULTS = new BalanceSettings(60, 25);

    public BalanceSettings {
        if (threshold < MIN_THRESHOLD || threshold > MAX_THRESHOLD) {
            throw new IllegalArgumentException(
                    "The threshold must be between " + MIN_THRESHOLD + " and " + MAX_THRESHOLD + ", was " + threshold);
        }
        if (divergence < MIN_DIVERGENCE || divergence > MAX_DIVERGENCE) {
            throw new IllegalArgumentException("The divergence flag must be between " + MIN_DIVERGENCE + " and "
                    + MAX_DIVERGENCE + ", was " + divergence);
        }
    }
}
