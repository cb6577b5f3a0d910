package org.tandem.balance;

import java.util.Arrays;
import java.util.List;

/** The two halves of the check-in; each has five items and a score from 0 to 100. */
public enum Subscale {
    INDEPENDENCE,
    INTIMACY;

    /** The five items of this subscale, in instrument order. */
    public List<Item> items() {
        return Arrays.stream(Item.values()).filter(item -> item.subscale() == this).toList();
    }
}
