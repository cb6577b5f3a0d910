package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the scoring over many generated check-ins. Plain JUnit parameterized tests over inputs from a
 * fixed seed (reproducible in every build) rather than jqwik: see docs/decisions/010-balance-scoring.md.
 */
class BalanceScoringPropertiesTest {

    private static final long SEED = 20_260_611L;
    private static final int CASES = 500;

    static Stream<Arguments> checkIns() {
        Random random = new Random(SEED);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            List<@Nullable Integer> answers = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                // about one answer in eight missing, so that prorated and unscored subscales occur
                answers.add(random.nextInt(8) == 0 ? null : random.nextInt(7));
            }
            CheckInAnswers checkIn = CheckInAnswers.of(answers, random.nextBoolean() ? 1 + random.nextInt(7) : null);
            Item item = Item.values()[random.nextInt(10)];
            int threshold = BalanceSettings.MIN_THRESHOLD
                    + random.nextInt(BalanceSettings.MAX_THRESHOLD - BalanceSettings.MIN_THRESHOLD + 1);
            cases.add(Arguments.of(checkIn, item, threshold));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("checkIns")
    void a_scored_subscale_lies_between_0_and_100_with_one_decimal(CheckInAnswers checkIn, Item item, int t) {
        for (Subscale subscale : Subscale.values()) {
            BigDecimal score = BalanceScoring.score(checkIn, subscale);
            long answered = subscale.items().stream().filter(i -> checkIn.answer(i) != null).count();
            if (answered >= 4) {
                assertThat(score).isNotNull().isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
                assertThat(score.scale()).isEqualTo(1);
            } else {
                assertThat(score).isNull();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("checkIns")
    void raising_an_answer_moves_its_subscale_only_in_the_keyed_direction(CheckInAnswers checkIn, Item item, int t) {
        Integer answer = checkIn.answer(item);
        if (answer == null || answer == Item.MAX_ANSWER) {
            return;
        }
        Scores before = BalanceScoring.score(checkIn);
        Scores after = BalanceScoring.score(checkIn.with(item, answer + 1));
        BigDecimal was = before.score(item.subscale());
        BigDecimal is = after.score(item.subscale());
        if (was == null) {
            assertThat(is).isNull();
            return;
        }
        if (item.reversed()) {
            assertThat(is).isLessThanOrEqualTo(was);
        } else {
            assertThat(is).isGreaterThanOrEqualTo(was);
        }
        Subscale other = item.subscale() == Subscale.INDEPENDENCE ? Subscale.INTIMACY : Subscale.INDEPENDENCE;
        assertThat(after.score(other)).isEqualTo(before.score(other));
    }

    @ParameterizedTest
    @MethodSource("checkIns")
    void lean_is_exactly_independence_minus_intimacy(CheckInAnswers checkIn, Item item, int t) {
        Scores scores = BalanceScoring.score(checkIn);
        if (!scores.scored()) {
            assertThat(scores.lean()).isNull();
            return;
        }
        BigDecimal lean = scores.lean();
        assertThat(lean).isEqualTo(scores.independence().subtract(scores.intimacy()));
        assertThat(lean.scale()).isEqualTo(1);
        assertThat(lean).isBetween(BigDecimal.valueOf(-100), BigDecimal.valueOf(100));
    }

    @ParameterizedTest
    @MethodSource("checkIns")
    void the_zone_agrees_with_the_threshold(CheckInAnswers checkIn, Item item, int t) {
        Scores scores = BalanceScoring.score(checkIn);
        Zone zone = scores.zone(t);
        if (!scores.scored()) {
            assertThat(zone).isNull();
            return;
        }
        boolean independenceHigh = scores.independence().compareTo(BigDecimal.valueOf(t)) >= 0;
        boolean intimacyHigh = scores.intimacy().compareTo(BigDecimal.valueOf(t)) >= 0;
        assertThat(zone == Zone.BALANCED || zone == Zone.DISTANT).isEqualTo(independenceHigh);
        assertThat(zone == Zone.BALANCED || zone == Zone.FUSED).isEqualTo(intimacyHigh);
    }

    @ParameterizedTest
    @MethodSource("checkIns")
    void a_complete_subscale_is_its_keyed_sum_over_thirty_rounded_half_up(CheckInAnswers checkIn, Item item, int t) {
        for (Subscale subscale : Subscale.values()) {
            if (subscale.items().stream().allMatch(i -> checkIn.answer(i) != null)) {
                int sum = subscale.items().stream().mapToInt(i -> i.keyed(checkIn.answer(i))).sum();
                // nearest tenth: the score differs from 100·sum/30 by at most 0.05
                double exact = 100.0 * sum / 30;
                assertThat(BalanceScoring.score(checkIn, subscale).doubleValue())
                        .isCloseTo(exact, within(0.05));
            }
        }
    }
}
