package org.tandem.balance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One partner's raw answers to one check-in, as stored: 0–6 per statement, {@code null} when not answered, and
 * the closeness picture (1–7, not part of either subscale). Answers are never keyed here; the scoring keys them.
 * The components are in instrument order so that a row of I1..C5 and closeness maps straight onto this record.
 */
public record CheckInAnswers(
        @Nullable Integer i1, @Nullable Integer i2, @Nullable Integer i3, @Nullable Integer i4, @Nullable Integer i5,
        @Nullable Integer c1, @Nullable Integer c2, @Nullable Integer c3, @Nullable Integer c4, @Nullable Integer c5,
        @Nullable Integer closeness) {

    public static final int MIN_CLOSENESS = 1;
    public static final int MAX_CLOSENESS = 7;

    public CheckInAnswers {
        Integer[] answers = {i1, i2, i3, i4, i5, c1, c2, c3, c4, c5};
        for (Item item : Item.values()) {
            Integer answer = answers[item.ordinal()];
            if (answer != null && (answer < Item.MIN_ANSWER || answer > Item.MAX_ANSWER)) {
                throw new IllegalArgumentException(
                        "Answer " + item + " must be between 0 and 6 (or missing), was " + answer);
            }
        }
        if (closeness != null && (closeness < MIN_CLOSENESS || closeness > MAX_CLOSENESS)) {
            throw new IllegalArgumentException("Closeness must be between 1 and 7 (or missing), was " + closeness);
        }
    }

    /** The ten answers in instrument order (I1..I5, C1..C5); {@code null} entries are missing answers. */
    public static CheckInAnswers of(List<@Nullable Integer> answers, @Nullable Integer closeness) {
        if (answers.size() != Item.values().length) {
            throw new IllegalArgumentException("A check-in has 10 answers (I1..I5, C1..C5), got " + answers.size());
        }
        return new CheckInAnswers(answers.get(0), answers.get(1), answers.get(2), answers.get(3), answers.get(4),
                answers.get(5), answers.get(6), answers.get(7), answers.get(8), answers.get(9), closeness);
    }

    public static CheckInAnswers of(Map<Item, Integer> answers, @Nullable Integer closeness) {
        List<@Nullable Integer> inOrder = new ArrayList<>();
        for (Item item : Item.values()) {
            inOrder.add(answers.get(item));
        }
        return of(inOrder, closeness);
    }

    /** The ten answers in instrument order; {@code null} entries are missing answers. */
    public List<@Nullable Integer> answers() {
        return Arrays.asList(i1, i2, i3, i4, i5, c1, c2, c3, c4, c5);
    }

    public @Nullable Integer answer(Item item) {
        return answers().get(item.ordinal());
    }

    /** A copy with one answer replaced ({@code null} removes it). */
    public CheckInAnswers with(Item item, @Nullable Integer answer) {
        List<@Nullable Integer> changed = new ArrayList<>(answers());
        changed.set(item.ordinal(), answer);
        return of(changed, closeness);
    }
}
