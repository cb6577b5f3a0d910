package org.tandem.balance;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Latest − baseline per subscale, from the rounded scores ({@code null} when either check-in leaves that
 * subscale unscored), whether each change is reliable, and whether the parameters behind the marks are the
 * provisional defaults (every reliable-change mark then says "provisional").
 */
public record Change(
        @Nullable BigDecimal independence,
        @Nullable BigDecimal intimacy,
        boolean independenceReliable,
        boolean intimacyReliable,
        boolean provisional) {

    public @Nullable BigDecimal change(Subscale subscale) {
        return subscale == Subscale.INDEPENDENCE ? independence : intimacy;
    }

    public boolean reliable(Subscale subscale) {
        return subscale == Subscale.INDEPENDENCE ? independenceReliable : intimacyReliable;
    }

    /** A reliable decrease: the unfavourable direction for both subscales. */
    public boolean reliablyWorse(Subscale subscale) {
        BigDecimal change = change(subscale);
        return reliable(subscale) && change != null && change.signum() < 0;
    }
}
