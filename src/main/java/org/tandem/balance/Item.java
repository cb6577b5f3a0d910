package org.tandem.balance;

/**
 * The ten statements of instrument version 1 (balance.md). Exactly one item per subscale is worded in reverse:
 * I3 (needing the partner's approval) and C4 (conversations stayed on logistics).
 */
public enum Item {
    I1(Subscale.INDEPENDENCE, false),
    I2(Subscale.INDEPENDENCE, false),
    I3(Subscale.INDEPENDENCE, true),
    I4(Subscale.INDEPENDENCE, false),
    I5(Subscale.INDEPENDENCE, false),
    C1(Subscale.INTIMACY, false),
    C2(Subscale.INTIMACY, false),
    C3(Subscale.INTIMACY, false),
    C4(Subscale.INTIMACY, true),
    C5(Subscale.INTIMACY, false);

    /** Answers run from 0 (not at all true) to 6 (completely true). */
    public static final int MIN_ANSWER = 0;
    public static final int MAX_ANSWER = 6;

    private final Subscale subscale;
    private final boolean reversed;

    Item(Subscale subscale, boolean reversed) {
        this.subscale = subscale;
        this.reversed = reversed;
    }

    public Subscale subscale() {
        return subscale;
    }

    public boolean reversed() {
        return reversed;
    }

    /** The keyed value of a raw answer: the answer itself, or 6 − answer for a reversed item. */
    public int keyed(int answer) {
        if (answer < MIN_ANSWER || answer > MAX_ANSWER) {
            throw new IllegalArgumentException(name() + " must be between 0 and 6, was " + answer);
        }
        return reversed ? MAX_ANSWER - answer : answer;
    }
}
