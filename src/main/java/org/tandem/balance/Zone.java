package org.tandem.balance;

/** Where a partner's check-in lies against the threshold T (balance.md, "Zones"). */
public enum Zone {
    /** Independence ≥ T and intimacy ≥ T: interdependent. */
    BALANCED,
    /** Independence ≥ T and intimacy < T: leaning towards too much independence. */
    DISTANT,
    /** Independence < T and intimacy ≥ T: leaning towards too little independence. */
    FUSED,
    /** Independence < T and intimacy < T: low on both. */
    DISCONNECTED;

    static Zone of(boolean independenceAtLeastT, boolean intimacyAtLeastT) {
        if (independenceAtLeastT) {
            return intimacyAtLeastT ? BALANCED : DISTANT;
        }
        return intimacyAtLeastT ? FUSED : DISCONNECTED;
    }
}
