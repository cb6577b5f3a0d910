package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.tandem.balance.Answers.scores;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BalanceScoringTest {

    /** Keyed sums of 18 on both subscales (I3 = 3 and C4 = 3 key as 3): exactly 60.0 and 60.0. */
    private static final CheckInAnswers SIXTY = Answers.of(4, 4, 3, 4, 3, 4, 4, 3, 3, 4);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void the_worked_example_of_balance_md() {
        // I1..I5 = 5, 4, 2, 6, 3 → 5 + 4 + (6 − 2) + 6 + 3 = 22 → 73.3; C1..C5 = 1, 2, 3, 5, 2 → 1 + 2 + 3 + 1 + 2 = 9 → 30.0
        Scores scores = BalanceScoring.score(Answers.of(5, 4, 2, 6, 3, 1, 2, 3, 5, 2));

        assertThat(scores.independence()).isEqualTo(d("73.3"));
        assertThat(scores.intimacy()).isEqualTo(d("30.0"));
        assertThat(scores.lean()).isEqualTo(d("43.3"));
        assertThat(scores.zone(60)).isEqualTo(Zone.DISTANT);
        assertThat(BalanceScoring.zone(scores, 60)).isEqualTo(Zone.DISTANT);
    }

    @Test
    void reversed_items_are_i3_and_c4_and_key_as_six_minus_the_answer() {
        assertThat(List.of(Item.values())).filteredOn(Item::reversed).containsExactly(Item.I3, Item.C4);
        assertThat(Item.I3.keyed(2)).isEqualTo(4);
        assertThat(Item.C4.keyed(6)).isZero();
        assertThat(Item.I1.keyed(2)).isEqualTo(2);

        // Everything 0 except the reversed items: answering them 0 keys as 6, answering them 6 keys as 0.
        assertThat(BalanceScoring.score(Answers.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
                .isEqualTo(scores("20.0", "20.0"));
        assertThat(BalanceScoring.score(Answers.of(0, 0, 6, 0, 0, 0, 0, 0, 6, 0)))
                .isEqualTo(scores("0.0", "0.0"));
        assertThat(BalanceScoring.score(Answers.of(6, 6, 0, 6, 6, 6, 6, 6, 0, 6)))
                .isEqualTo(scores("100.0", "100.0"));
    }

    @Test
    void scores_round_half_up_to_one_decimal() {
        // keyed sum 1 → 100/30 = 3.333… → 3.3 (down); sum 2 → 6.666… → 6.7 (up); sum 18 → 60.0 exactly
        assertThat(BalanceScoring.score(Answers.of(1, 0, 6, 0, 0, 2, 0, 0, 6, 0)))
                .isEqualTo(scores("3.3", "6.7"));
        assertThat(BalanceScoring.score(SIXTY)).isEqualTo(scores("60.0", "60.0"));
        // prorated, one missing: sum 1 → 25/6 = 4.1666… → 4.2; sum 5 → 125/6 = 20.8333… → 20.8
        assertThat(BalanceScoring.score(Answers.of(null, 1, 6, 0, 0, null, 5, 0, 6, 0)))
                .isEqualTo(scores("4.2", "20.8"));
    }

    @Test
    void the_one_rounding_place_rounds_exact_halves_up() {
        // A score is 10·sum/3 (complete) or 25·sum/6 (prorated): in lowest terms its denominator is 1, 2, 3 or 6,
        // so it never ends in exactly …x5 and no real check-in reaches a tie (see the next test). The rounding
        // itself is therefore shown on fractions that are ties: 1/20 = 0.05 → 0.1 and 5/20 = 0.25 → 0.3, where
        // half-even would give 0.0 and 0.2, and −5/20 = −0.25 → −0.3 (half-up rounds away from zero).
        assertThat(BalanceScoring.round(1, 20)).isEqualTo(d("0.1"));
        assertThat(BalanceScoring.round(5, 20)).isEqualTo(d("0.3"));
        assertThat(BalanceScoring.round(1649, 20)).isEqualTo(d("82.5"));
        assertThat(BalanceScoring.round(1651, 20)).isEqualTo(d("82.6"));
        assertThat(BalanceScoring.round(-5, 20)).isEqualTo(d("-0.3"));
    }

    @Test
    void no_possible_score_is_a_rounding_tie() {
        for (long sum = 0; sum <= 30; sum++) {
            assertNoTie(1000L * sum, 30 * 10);
        }
        for (long sum = 0; sum <= 24; sum++) {
            assertNoTie(500L * sum, 120);
        }
    }

    private static void assertNoTie(long numerator, long denominator) {
        BigDecimal up = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
        BigDecimal even = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_DOWN);
        assertThat(up).as("%d/%d", numerator, denominator).isEqualTo(even);
    }

    @Test
    void one_missing_item_is_prorated_and_rounded_only_at_the_end() {
        // I3 missing: 4 + 3 + 2 + 4 = 13, mean 3.25 × 5 = 16.25 → 100 × 16.25 / 30 = 54.1666… → 54.2.
        // Rounding the mean first (3.3 → 55.0) or the prorated sum first (16.3 → 54.3) would differ.
        // C4 missing, the rest 6: mean 6 × 5 = 30 → 100.0.
        Scores scores = BalanceScoring.score(Answers.of(4, 3, null, 2, 4, 6, 6, 6, null, 6));

        assertThat(scores).isEqualTo(scores("54.2", "100.0"));
    }

    @Test
    void a_prorated_subscale_still_keys_its_reversed_item() {
        // I1 missing; I3 = 1 keys as 5: 3 + 5 + 3 + 3 = 14 → 17.5 × 100 / 30 = 58.333… → 58.3
        assertThat(BalanceScoring.score(Answers.of(null, 3, 1, 3, 3, 3, 3, 3, 3, 3)))
                .isEqualTo(scores("58.3", "50.0"));
    }

    @Test
    void two_missing_items_leave_that_subscale_without_a_score_lean_or_zone() {
        Scores scores = BalanceScoring.score(Answers.of(5, null, 2, null, 3, 1, 2, 3, 5, 2));

        assertThat(scores.independence()).isNull();
        assertThat(scores.intimacy()).isEqualTo(d("30.0"));
        assertThat(scores.scored()).isFalse();
        assertThat(scores.lean()).isNull();
        assertThat(scores.zone(60)).isNull();
        assertThat(BalanceScoring.score(Answers.of(null, null, null, null, null, null, null, null, null, null)))
                .isEqualTo(new Scores(null, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 60, 80})
    void every_zone_boundary_sits_exactly_at_the_threshold(int t) {
        String at = t + ".0";
        String below = (t - 1) + ".9";

        assertThat(BalanceScoring.zone(scores(at, at), t)).isEqualTo(Zone.BALANCED);
        assertThat(BalanceScoring.zone(scores(at, below), t)).isEqualTo(Zone.DISTANT);
        assertThat(BalanceScoring.zone(scores(below, at), t)).isEqualTo(Zone.FUSED);
        assertThat(BalanceScoring.zone(scores(below, below), t)).isEqualTo(Zone.DISCONNECTED);
        assertThat(BalanceScoring.zone(scores("100.0", "0.0"), t)).isEqualTo(Zone.DISTANT);
        assertThat(BalanceScoring.zone(scores("0.0", "100.0"), t)).isEqualTo(Zone.FUSED);
    }

    @Test
    void a_check_in_scoring_exactly_sixty_is_balanced_and_one_point_less_is_not() {
        assertThat(BalanceScoring.score(SIXTY).zone(60)).isEqualTo(Zone.BALANCED);
        // One keyed point less on intimacy: 17 → 56.7
        assertThat(BalanceScoring.score(SIXTY.with(Item.C1, 3)).zone(60)).isEqualTo(Zone.DISTANT);
        // Raising the reversed I3 lowers independence: 17 → 56.7
        assertThat(BalanceScoring.score(SIXTY.with(Item.I3, 4)).zone(60)).isEqualTo(Zone.FUSED);
        assertThat(BalanceScoring.score(SIXTY.with(Item.I1, 3).with(Item.C4, 4)).zone(60))
                .isEqualTo(Zone.DISCONNECTED);
    }

    @Test
    void divergence_is_the_larger_gap_of_the_rounded_scores_and_flags_from_d() {
        Scores a = scores("70.0", "50.0");

        BigDecimal exactlyD = BalanceScoring.divergence(a, scores("45.0", "60.0"));
        BigDecimal justBelow = BalanceScoring.divergence(a, scores("45.1", "60.0"));

        assertThat(exactlyD).isEqualTo(d("25.0"));
        assertThat(BalanceScoring.diverged(exactlyD, 25)).isTrue();
        assertThat(justBelow).isEqualTo(d("24.9"));
        assertThat(BalanceScoring.diverged(justBelow, 25)).isFalse();
        assertThat(BalanceScoring.divergence(a, scores("70.0", "24.6"))).isEqualTo(d("25.4"));
    }

    @Test
    void divergence_needs_both_partners_fully_scored() {
        Scores a = scores("70.0", "50.0");

        assertThat(BalanceScoring.divergence(a, new Scores(d("10.0"), null))).isNull();
        assertThat(BalanceScoring.diverged(null, 25)).isFalse();
    }

    @Test
    void divergence_is_computed_from_rounded_scores() {
        // A: independence 22 → 73.333… → 73.3; B: independence prorated (I3 missing) 13 → 54.1666… → 54.2.
        // From the rounded scores 73.3 − 54.2 = 19.1; from the unrounded ones 19.1666… would round to 19.2.
        Scores a = BalanceScoring.score(Answers.of(5, 4, 2, 6, 3, 1, 2, 3, 5, 2));
        Scores b = BalanceScoring.score(Answers.of(4, 3, null, 2, 4, 1, 2, 3, 5, 2));

        assertThat(b.independence()).isEqualTo(d("54.2"));
        assertThat(BalanceScoring.divergence(a, b)).isEqualTo(d("19.1"));
    }

    @Test
    void change_is_latest_minus_baseline_from_rounded_scores() {
        Change change = BalanceScoring.change(scores("73.3", "30.0"), scores("60.0", "66.7"), Reliability.DEFAULTS);

        assertThat(change.independence()).isEqualTo(d("-13.3"));
        assertThat(change.intimacy()).isEqualTo(d("36.7"));
        assertThat(change.independenceReliable()).isFalse();
        assertThat(change.intimacyReliable()).isTrue();
        assertThat(change.provisional()).isTrue();
        assertThat(BalanceScoring.change(scores("73.3", "30.0"), new Scores(null, d("30.0")), Reliability.DEFAULTS)
                .independence()).isNull();
    }

    @Test
    void reliable_change_with_the_default_parameters_starts_just_above_22_3() {
        // S_diff = √2 · 18 · √0.2 = 11.3842…; 1.96 · S_diff = 22.3131…
        assertThat(ReliabilityParameters.DEFAULTS.reliableChangeThreshold()).isCloseTo(22.3131, within(0.0001));
        ReliabilityParameters defaults = ReliabilityParameters.DEFAULTS;

        assertThat(BalanceScoring.reliable(d("22.3"), defaults)).isFalse();
        assertThat(BalanceScoring.reliable(d("-22.3"), defaults)).isFalse();
        assertThat(BalanceScoring.reliable(d("22.4"), defaults)).isTrue();
        assertThat(BalanceScoring.reliable(d("-22.4"), defaults)).isTrue();
        assertThat(BalanceScoring.reliable(d("0.0"), defaults)).isFalse();
    }

    @Test
    void a_change_exactly_at_the_threshold_is_not_reliable() {
        // SD 10, r 0.5: S_diff = √2 · 10 · √0.5 = 10 and 1.96 · S_diff = 19.6 exactly.
        ReliabilityParameters estimated = new ReliabilityParameters(10, 0.5, false);

        assertThat(BalanceScoring.reliable(d("19.6"), estimated)).isFalse();
        assertThat(BalanceScoring.reliable(d("-19.6"), estimated)).isFalse();
        assertThat(BalanceScoring.reliable(d("19.5"), estimated)).isFalse();
        assertThat(BalanceScoring.reliable(d("19.7"), estimated)).isTrue();
        assertThat(BalanceScoring.reliable(d("-19.7"), estimated)).isTrue();
    }

    @Test
    void cronbachs_alpha_matches_a_hand_computed_case() {
        // Four respondents, three items (sample variances, n − 1 = 3):
        //   item 1: 2, 4, 3, 5 mean 3.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5 → var 5/3
        //   item 2: 3, 4, 5, 6 mean 4.5, likewise 5 → 5/3;  item 3: 3, 5, 4, 6 mean 4.5 → 5/3;  Σ var(item) = 5
        //   totals 8, 13, 12, 17 mean 12.5, squared deviations 20.25 + 0.25 + 0.25 + 20.25 = 41 → var 41/3
        //   α = 3/2 · (1 − 5 / (41/3)) = 3/2 · 26/41 = 39/41 = 0.95122
        List<int[]> rows = List.of(new int[] {2, 3, 3}, new int[] {4, 4, 5}, new int[] {3, 5, 4}, new int[] {5, 6, 6});

        assertThat(BalanceScoring.cronbachAlpha(rows)).isCloseTo(39.0 / 41.0, within(1e-12));
    }

    @Test
    void cronbachs_alpha_is_undefined_without_variance_or_with_one_row() {
        assertThat(BalanceScoring.cronbachAlpha(List.of(new int[] {1, 2, 3}))).isNull();
        assertThat(BalanceScoring.cronbachAlpha(List.of(new int[] {1, 2, 3}, new int[] {1, 2, 3}))).isNull();
    }

    @Test
    void fewer_than_thirty_baselines_give_the_provisional_defaults() {
        Reliability reliability = BalanceScoring.parameters(baselines(29));

        assertThat(reliability).isEqualTo(Reliability.DEFAULTS);
        assertThat(reliability.provisional()).isTrue();
        assertThat(BalanceScoring.parameters(List.of())).isEqualTo(Reliability.DEFAULTS);
    }

    @Test
    void thirty_baselines_give_estimated_parameters() {
        List<CheckInAnswers> baselines = baselines(30);

        Reliability reliability = BalanceScoring.parameters(baselines);

        assertThat(reliability.provisional()).isFalse();
        ReliabilityParameters independence = reliability.independence();
        assertThat(independence.provisional()).isFalse();
        assertThat(independence.sd()).isCloseTo(sampleSd(baselines, Subscale.INDEPENDENCE), within(1e-12));
        assertThat(independence.alpha()).isCloseTo(alphaByHand(baselines, Subscale.INDEPENDENCE), within(1e-12));
        assertThat(reliability.intimacy().sd()).isCloseTo(sampleSd(baselines, Subscale.INTIMACY), within(1e-12));
    }

    @Test
    void estimated_sd_and_alpha_for_a_hand_computable_clinic() {
        // 15 baselines with every keyed value 3 (15 → 50.0 on both) and 15 with every keyed value 4 (20 → 66.7).
        // SD: mean 58.35, every deviation ±8.35, Σ = 30 · 69.7225 = 2091.675, / 29 = 72.12672…, √ = 8.49274…
        // Alpha: the items move together exactly, so α = 5/4 · (1 − 5 · (7.5/29) / (187.5/29)) = 5/4 · 0.8 = 1.
        List<CheckInAnswers> baselines = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            baselines.add(Answers.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3));
            baselines.add(Answers.of(4, 4, 2, 4, 4, 4, 4, 4, 2, 4));
        }

        ReliabilityParameters independence = BalanceScoring.parameters(baselines).independence();

        assertThat(independence.sd()).isCloseTo(Math.sqrt(2091.675 / 29), within(1e-9));
        assertThat(independence.alpha()).isCloseTo(1.0, within(1e-9));
        // r = 1 leaves no measurement error: any change is reliable, no change is not.
        assertThat(BalanceScoring.reliable(d("0.1"), independence)).isTrue();
        assertThat(BalanceScoring.reliable(d("0.0"), independence)).isFalse();
    }

    @Test
    void reliable_change_around_the_threshold_with_estimated_parameters() {
        ReliabilityParameters estimated = BalanceScoring.parameters(baselines(40)).independence();
        double threshold = estimated.reliableChangeThreshold();
        BigDecimal below = BigDecimal.valueOf(threshold).setScale(1, RoundingMode.FLOOR);
        BigDecimal above = below.add(d("0.1"));

        assertThat(estimated.provisional()).isFalse();
        assertThat(threshold).isBetween(1.0, 99.0);
        assertThat(BalanceScoring.reliable(below, estimated)).isFalse();
        assertThat(BalanceScoring.reliable(above, estimated)).isTrue();
        assertThat(BalanceScoring.reliable(below.negate(), estimated)).isFalse();
        assertThat(BalanceScoring.reliable(above.negate(), estimated)).isTrue();
    }

    @Test
    void prorated_baselines_count_for_sd_but_only_complete_ones_enter_alpha() {
        List<CheckInAnswers> complete = baselines(29);
        List<CheckInAnswers> withProrated = new ArrayList<>(complete);
        withProrated.add(Answers.of(null, 6, 0, 6, 6, null, 6, 6, 0, 6));

        ReliabilityParameters independence = BalanceScoring.parameters(withProrated).independence();

        assertThat(independence.provisional()).isFalse();
        assertThat(independence.sd()).isCloseTo(sampleSd(withProrated, Subscale.INDEPENDENCE), within(1e-12));
        assertThat(independence.alpha()).isCloseTo(alphaByHand(complete, Subscale.INDEPENDENCE), within(1e-12));
        // a baseline with two missing is not a scored baseline of that subscale
        List<CheckInAnswers> unscored = new ArrayList<>(complete);
        unscored.add(Answers.of(null, null, 0, 6, 6, 6, 6, 6, 0, 6));
        assertThat(BalanceScoring.parameters(unscored).independence()).isEqualTo(ReliabilityParameters.DEFAULTS);
        assertThat(BalanceScoring.parameters(unscored).intimacy().provisional()).isFalse();
    }

    @Test
    void answers_out_of_range_are_refused_with_a_clear_message() {
        assertThatThrownBy(() -> Answers.of(7, 0, 0, 0, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Answer I1 must be between 0 and 6 (or missing), was 7");
        assertThatThrownBy(() -> Answers.of(0, 0, 0, 0, 0, 0, 0, 0, -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C4");
        assertThatThrownBy(() -> CheckInAnswers.of(Collections.nCopies(10, 3), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Closeness must be between 1 and 7 (or missing), was 8");
        assertThatThrownBy(() -> CheckInAnswers.of(Collections.nCopies(10, 3), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckInAnswers.of(Collections.nCopies(9, 3), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 answers");
        assertThat(CheckInAnswers.of(Collections.nCopies(10, null), null).closeness()).isNull();
    }

    @Test
    void scores_and_settings_refuse_impossible_values() {
        assertThatThrownBy(() -> new Scores(d("100.1"), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> new Scores(null, d("33.33"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one decimal");
        assertThat(new Scores(d("60"), null).independence()).isEqualTo(d("60.0"));
        assertThatThrownBy(() -> new BalanceSettings(39, 25)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The threshold must be between 40 and 80, was 39");
        assertThatThrownBy(() -> new BalanceSettings(81, 25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BalanceSettings(60, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BalanceSettings(60, 51)).isInstanceOf(IllegalArgumentException.class);
        assertThat(BalanceSettings.DEFAULTS).isEqualTo(new BalanceSettings(60, 25));
        assertThatThrownBy(() -> new ReliabilityParameters(-1, 0.8, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReliabilityParameters(18, 1.1, false)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Deterministic, varied baselines: answer j of baseline i is a fixed function of i and j. */
    static List<CheckInAnswers> baselines(int count) {
        List<CheckInAnswers> baselines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Integer> answers = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                answers.add((i * (j + 3) + (i / 3) * j + j) % 7);
            }
            baselines.add(CheckInAnswers.of(answers, 1 + i % 7));
        }
        return baselines;
    }

    private static double sampleSd(List<CheckInAnswers> baselines, Subscale subscale) {
        List<Double> scores = baselines.stream().map(b -> BalanceScoring.score(b, subscale))
                .filter(Objects::nonNull).map(BigDecimal::doubleValue).toList();
        double mean = scores.stream().mapToDouble(x -> x).sum() / scores.size();
        double squares = 0;
        for (double score : scores) {
            squares += (score - mean) * (score - mean);
        }
        return Math.sqrt(squares / (scores.size() - 1));
    }

    /** Alpha written out independently of the production code: k/(k−1) · (1 − Σ s²_item / s²_total). */
    private static double alphaByHand(List<CheckInAnswers> baselines, Subscale subscale) {
        List<Item> items = subscale.items();
        int n = baselines.size();
        double[][] keyed = new double[n][items.size()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < items.size(); j++) {
                keyed[i][j] = items.get(j).keyed(baselines.get(i).answer(items.get(j)));
            }
        }
        double sumItemVariance = 0;
        for (int j = 0; j < items.size(); j++) {
            double mean = 0;
            for (double[] row : keyed) {
                mean += row[j] / n;
            }
            double squares = 0;
            for (double[] row : keyed) {
                squares += (row[j] - mean) * (row[j] - mean);
            }
            sumItemVariance += squares / (n - 1);
        }
        double[] totals = new double[n];
        double meanTotal = 0;
        for (int i = 0; i < n; i++) {
            for (double value : keyed[i]) {
                totals[i] += value;
            }
            meanTotal += totals[i] / n;
        }
        double squares = 0;
        for (double total : totals) {
            squares += (total - meanTotal) * (total - meanTotal);
        }
        double k = items.size();
        return k / (k - 1) * (1 - sumItemVariance / (squares / (n - 1)));
    }
}
