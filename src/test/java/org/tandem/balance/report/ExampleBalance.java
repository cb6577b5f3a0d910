package org.tandem.balance.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tandem.balance.BalanceScoring;
import org.tandem.balance.BalanceSettings;
import org.tandem.balance.CheckInAnswers;
import org.tandem.balance.CoupleBalance;
import org.tandem.balance.CoupleBalance.CheckInLine;
import org.tandem.balance.CoupleBalance.PartnerBalance;
import org.tandem.balance.CoupleBalance.Point;
import org.tandem.balance.CoupleBalance.SessionDivergence;
import org.tandem.balance.Reliability;
import org.tandem.balance.Scores;

/**
 * Alex (position 1) and Sam (position 2) over two sessions, every figure from BalanceScoring. First session:
 * Alex the worked example of balance.md (73.3 / 30.0, DISTANT), Sam all 3s (50.0 / 50.0); second: Alex
 * 83.3 / 100.0, Sam with C2 and C3 missing (intimacy not scored).
 */
final class ExampleBalance {

    static final Instant FIRST = Instant.parse("2026-11-02T17:30:00Z");
    static final Instant SECOND = Instant.parse("2026-11-09T17:30:00Z");

    private ExampleBalance() {}

    static CoupleBalance alexAndSam() {
        CheckInAnswers alex1 = answers(4, 5, 4, 2, 6, 3, 1, 2, 3, 5, 2);
        CheckInAnswers sam1 = answers(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        CheckInAnswers alex2 = answers(6, 5, 5, 1, 5, 5, 6, 6, 6, 0, 6);
        CheckInAnswers sam2 = answers(3, 3, 3, 3, 3, 3, 3, null, null, 3, 3);
        Reliability reliability = Reliability.DEFAULTS;
        Scores a1 = BalanceScoring.score(alex1);
        Scores s1 = BalanceScoring.score(sam1);
        Scores a2 = BalanceScoring.score(alex2);
        Scores s2 = BalanceScoring.score(sam2);
        BigDecimal divergence = BalanceScoring.divergence(a1, s1);
        List<CheckInLine> lines = new ArrayList<>();
        lines.add(new CheckInLine(11, 1, "Alex Morgan", 1, 1, FIRST.minusSeconds(86_400), FIRST, alex1, a1,
                a1.zone(60), divergence, false, BalanceScoring.change(a1, a1, reliability)));
        lines.add(new CheckInLine(12, 2, "Samira Patel", 2, 1, FIRST.minusSeconds(80_000), FIRST, sam1, s1,
                s1.zone(60), divergence, false, BalanceScoring.change(s1, s1, reliability)));
        lines.add(new CheckInLine(13, 1, "Alex Morgan", 1, 1, SECOND.minusSeconds(86_400), SECOND, alex2, a2,
                a2.zone(60), null, false, BalanceScoring.change(a1, a2, reliability)));
        lines.add(new CheckInLine(14, 2, "Samira Patel", 2, 1, SECOND.minusSeconds(80_000), SECOND, sam2, s2,
                s2.zone(60), null, false, BalanceScoring.change(s1, s2, reliability)));
        List<PartnerBalance> partners = List.of(
                new PartnerBalance(1, "Alex Morgan", 1, point(11, lines.get(0)), point(13, lines.get(2)),
                        BalanceScoring.change(a1, a2, reliability)),
                new PartnerBalance(2, "Samira Patel", 2, point(12, lines.get(1)), point(12, lines.get(1)),
                        BalanceScoring.change(s1, s1, reliability)));
        return new CoupleBalance(7, BalanceSettings.DEFAULTS, reliability, partners, lines,
                List.of(new SessionDivergence(FIRST, divergence, BalanceScoring.diverged(divergence, 25))));
    }

    private static Point point(long id, CheckInLine line) {
        return new Point(id, line.submittedAt(), line.scores(), java.util.Objects.requireNonNull(line.zone()));
    }

    private static CheckInAnswers answers(@Nullable Integer closeness, @Nullable Integer... answers) {
        return CheckInAnswers.of(Arrays.asList(answers), closeness);
    }
}
