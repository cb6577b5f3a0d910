package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.balance.ChangeWords.ABOUT_THE_SAME;
import static org.tandem.balance.ChangeWords.A_LITTLE_HIGHER;
import static org.tandem.balance.ChangeWords.A_LITTLE_LOWER;
import static org.tandem.balance.ChangeWords.CLEARLY_HIGHER;
import static org.tandem.balance.ChangeWords.CLEARLY_LOWER;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * balance.md, "Words for partners", at each boundary: under 5 points about the same, from 5 a little, reliable
 * (provisional or estimated parameters) clearly; rises and falls, on both subscales, each through the scoring's own
 * reliable-change test.
 */
class ChangeWordsTest {

    /** The provisional defaults (SD 18, r 0.80): reliable beyond 1.96 · √2 · 18 · √0.2 = 22.31 points. */
    static final Reliability PROVISIONAL = Reliability.DEFAULTS;

    /** A clinic's own estimate (SD 10, r 0.90): reliable beyond 1.96 · √2 · 10 · √0.1 = 8.77 points. */
    static final ReliabilityParameters ESTIMATED_PARAMETERS = new ReliabilityParameters(10, 0.90, false);
    static final Reliability ESTIMATED = new Reliability(ESTIMATED_PARAMETERS, ESTIMATED_PARAMETERS);

    /** A consistent, narrow clinic (SD 5, r 0.95): reliable beyond 1.96 · √2 · 5 · √0.05 = 3.10 points. */
    static final ReliabilityParameters NARROW_PARAMETERS = new ReliabilityParameters(5, 0.95, false);
    static final Reliability NARROW = new Reliability(NARROW_PARAMETERS, NARROW_PARAMETERS);

    static final Scores BASELINE = new Scores(new BigDecimal("50.0"), new BigDecimal("50.0"));

    /** The words for a change of {@code points} on {@code subscale} from a baseline of 50.0, the other unchanged. */
    static ChangeWords words(Subscale subscale, String points, Reliability reliability) {
        BigDecimal latest = new BigDecimal("50.0").add(new BigDecimal(points));
        Scores scores = subscale == Subscale.INDEPENDENCE ? new Scores(latest, new BigDecimal("50.0"))
                : new Scores(new BigDecimal("50.0"), latest);
        Change change = BalanceScoring.change(BASELINE, scores, reliability);
        assertThat(ChangeWords.of(change, other(subscale))).isEqualTo(ABOUT_THE_SAME);
        return ChangeWords.of(change, subscale);
    }

    static Subscale other(Subscale subscale) {
        return subscale == Subscale.INDEPENDENCE ? Subscale.INTIMACY : Subscale.INDEPENDENCE;
    }

    @Test
    void under_five_points_either_way_is_about_the_same() {
        for (Subscale subscale : Subscale.values()) {
            assertThat(words(subscale, "0.0", PROVISIONAL)).as(subscale.name()).isEqualTo(ABOUT_THE_SAME);
            assertThat(words(subscale, "4.9", PROVISIONAL)).as(subscale.name()).isEqualTo(ABOUT_THE_SAME);
            assertThat(words(subscale, "-4.9", PROVISIONAL)).as(subscale.name()).isEqualTo(ABOUT_THE_SAME);
        }
    }

    @Test
    void from_five_points_a_change_that_is_not_reliable_is_a_little_higher_or_lower() {
        for (Subscale subscale : Subscale.values()) {
            assertThat(words(subscale, "5.0", PROVISIONAL)).as(subscale.name()).isEqualTo(A_LITTLE_HIGHER);
            assertThat(words(subscale, "-5.0", PROVISIONAL)).as(subscale.name()).isEqualTo(A_LITTLE_LOWER);
        }
    }

    @Test
    void with_the_provisional_parameters_a_change_just_above_the_reliable_limit_is_clearly_so_and_just_below_a_little() {
        for (Subscale subscale : Subscale.values()) {
            assertThat(words(subscale, "22.3", PROVISIONAL)).as(subscale.name()).isEqualTo(A_LITTLE_HIGHER);
            assertThat(words(subscale, "22.4", PROVISIONAL)).as(subscale.name()).isEqualTo(CLEARLY_HIGHER);
            assertThat(words(subscale, "-22.3", PROVISIONAL)).as(subscale.name()).isEqualTo(A_LITTLE_LOWER);
            assertThat(words(subscale, "-22.4", PROVISIONAL)).as(subscale.name()).isEqualTo(CLEARLY_LOWER);
        }
    }

    @Test
    void with_the_clinics_estimated_parameters_the_reliable_limit_moves_and_the_words_follow_it() {
        for (Subscale subscale : Subscale.values()) {
            assertThat(words(subscale, "8.7", ESTIMATED)).as(subscale.name()).isEqualTo(A_LITTLE_HIGHER);
            assertThat(words(subscale, "8.8", ESTIMATED)).as(subscale.name()).isEqualTo(CLEARLY_HIGHER);
            assertThat(words(subscale, "-8.7", ESTIMATED)).as(subscale.name()).isEqualTo(A_LITTLE_LOWER);
            assertThat(words(subscale, "-8.8", ESTIMATED)).as(subscale.name()).isEqualTo(CLEARLY_LOWER);
            // What the provisional parameters call a little is clearly so with the clinic's own.
            assertThat(words(subscale, "-20.0", ESTIMATED)).as(subscale.name()).isEqualTo(CLEARLY_LOWER);
            assertThat(words(subscale, "-20.0", PROVISIONAL)).as(subscale.name()).isEqualTo(A_LITTLE_LOWER);
        }
    }

    @Test
    void a_reliable_change_under_five_points_is_still_clearly_so_as_the_therapist_sees_it() {
        for (Subscale subscale : Subscale.values()) {
            assertThat(words(subscale, "3.0", NARROW)).as(subscale.name()).isEqualTo(ABOUT_THE_SAME);
            assertThat(words(subscale, "3.1", NARROW)).as(subscale.name()).isEqualTo(CLEARLY_HIGHER);
            assertThat(words(subscale, "-4.9", NARROW)).as(subscale.name()).isEqualTo(CLEARLY_LOWER);
        }
    }

    @Test
    void a_partner_whose_independence_fell_forty_points_reads_clearly_lower_and_is_pointed_to_the_therapist() {
        Change change = BalanceScoring.change(new Scores(new BigDecimal("90.0"), new BigDecimal("60.0")),
                new Scores(new BigDecimal("50.0"), new BigDecimal("60.0")), PROVISIONAL);

        assertThat(ChangeWords.of(change, Subscale.INDEPENDENCE)).isEqualTo(CLEARLY_LOWER);
        assertThat(ChangeWords.of(change, Subscale.INDEPENDENCE).pointsToTherapist()).isTrue();
        assertThat(ChangeWords.of(change, Subscale.INTIMACY)).isEqualTo(ABOUT_THE_SAME);
    }

    @Test
    void only_a_reliable_fall_points_to_the_therapist() {
        assertThat(ChangeWords.values()).filteredOn(ChangeWords::pointsToTherapist).containsExactly(CLEARLY_LOWER);
    }

    @Test
    void a_subscale_without_a_change_has_no_words() {
        Change change = BalanceScoring.change(BASELINE, new Scores(null, new BigDecimal("80.0")), PROVISIONAL);

        assertThat(ChangeWords.of(change, Subscale.INDEPENDENCE)).isNull();
        assertThat(ChangeWords.of(change, Subscale.INTIMACY)).isEqualTo(CLEARLY_HIGHER);
    }
}
