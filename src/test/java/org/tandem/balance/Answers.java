package org.tandem.balance;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Shorthand for tests: ten answers I1..I5, C1..C5 in instrument order, {@code null} for missing. */
final class Answers {

    private Answers() {}

    static CheckInAnswers of(@Nullable Integer... tenAnswers) {
        List<@Nullable Integer> answers = Arrays.asList(tenAnswers);
        return CheckInAnswers.of(answers, 4);
    }

    static Scores scores(String independence, String intimacy) {
        return new Scores(new BigDecimal(independence), new BigDecimal(intimacy));
    }
}
