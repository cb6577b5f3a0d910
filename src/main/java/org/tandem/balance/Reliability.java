package org.tandem.balance;

/** A clinic's reliable-change parameters, one set per subscale. */
public record Reliability(ReliabilityParameters independence, ReliabilityParameters intimacy) {

    public static final Reliability DEFAULTS =
            new Reliability(ReliabilityParameters.DEFAULTS, ReliabilityParameters.DEFAULTS);

    public ReliabilityParameters of(Subscale subscale) {
        return subscale == Subscale.INDEPENDENCE ? independence : intimacy;
    }

    /** True when either subscale still uses the provisional defaults. */
    public boolean provisional() {
        return independence.provisional() || intimacy.provisional();
    }
}
