package org.tandem.balance;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A partner's change since their first check-in in words, per subscale (balance.md, "Words for partners"): about the
 * same within 5 points, a little higher or lower from 5 points on, clearly higher or lower when the change is
 * reliable, provisional or not. Never a zone code or alert language.
 *
 * <p>A reliable change reads "clearly" even when it is smaller than 5 points (possible only once the clinic's own
 * parameters replace the provisional ones): the therapist's Overview marks it reliable, and a reliable fall is to
 * point the partner to their therapist.
 */
public enum ChangeWords {
    ABOUT_THE_SAME,
    A_LITTLE_HIGHER,
    A_LITTLE_LOWER,
    CLEARLY_HIGHER,
    CLEARLY_LOWER;

    /** Changes smaller than this many points either way read as about the same. */
    public static final BigDecimal ABOUT_THE_SAME_WITHIN = new BigDecimal("5.0");

    /** The words for one subscale of a change; {@code null} when that subscale has no change to tell. */
    public static @Nullable ChangeWords of(Change change, Subscale subscale) {
        BigDecimal points = change.change(subscale);
        return points == null ? null : of(points, change.reliable(subscale));
    }

    /** The words for a change of {@code points} (latest − baseline), reliable or not. */
    public static ChangeWords of(BigDecimal points, boolean reliable) {
        if (reliable && points.signum() != 0) {
            return points.signum() > 0 ? CLEARLY_HIGHER : CLEARLY_LOWER;
        }
        if (points.abs().compareTo(ABOUT_THE_SAME_WITHIN) < 0) {
            return ABOUT_THE_SAME;
        }
        return points.signum() > 0 ? A_LITTLE_HIGHER : A_LITTLE_LOWER;
    }

    /** A reliable fall: worded with care, it points the partner to their therapist's next session. */
    public boolean pointsToTherapist() {
        return this == CLEARLY_LOWER;
    }
}
