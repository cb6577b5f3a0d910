package org.tandem.workbook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.tandem.accounts.TypedDate;
import org.tandem.accounts.TypedText;

/**
 * A partner's answer to one step, typed by the kind of step. Text is kept exactly as typed except
 * that control characters (other than line breaks and tabs) are dropped; it is always shown as text.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AnswerValue.Text.class, name = "TEXT"),
        @JsonSubTypes.Type(value = AnswerValue.Rating.class, name = "RATING"),
        @JsonSubTypes.Type(value = AnswerValue.Choices.class, name = "CHOICES"),
        @JsonSubTypes.Type(value = AnswerValue.GoalValue.class, name = "GOAL"),
        @JsonSubTypes.Type(value = AnswerValue.Plan.class, name = "PLAN"),
        @JsonSubTypes.Type(value = AnswerValue.Ticks.class, name = "TICKS")
})
public sealed interface AnswerValue {

    int MAX_TEXT = 10_000;
    int MAX_GOAL_WHAT = 300;
    int MAX_GOAL_WHY = 2000;
    int MAX_GOAL_FIRST_STEP = 1000;
    int MAX_SLOTS = 28;
    int MAX_SLOT_WHAT = 200;

    /** True when nothing was answered yet (an empty text, no rating, nothing ticked). */
    @JsonIgnore
    boolean isEmpty();

    /** The same answer with control characters removed and line breaks made uniform. */
    AnswerValue cleaned();

    /** Why this answer does not fit the step (a message key under {@code workbook.answer.problem.}), if it does not. */
    Optional<String> problem(Step step);

    record Text(@Nullable String text) implements AnswerValue {
        public boolean isEmpty() {
            return text == null || text.isBlank();
        }

        public AnswerValue cleaned() {
            return new Text(clean(text));
        }

        public Optional<String> problem(Step step) {
            if (!(step instanceof Step.Prompt)) {
                return Optional.of("wrong-kind");
            }
            return text != null && text.length() > MAX_TEXT ? Optional.of("text-too-long") : Optional.empty();
        }
    }

    record Rating(@Nullable Integer value) implements AnswerValue {
        public boolean isEmpty() {
            return value == null;
        }

        public AnswerValue cleaned() {
            return this;
        }

        public Optional<String> problem(Step step) {
            if (!(step instanceof Step.Scale scale)) {
                return Optional.of("wrong-kind");
            }
            return value != null && (value < scale.min() || value > scale.max())
                    ? Optional.of("rating-out-of-range") : Optional.empty();
        }
    }

    /** The indexes (from 0) of the chosen options. */
    record Choices(List<Integer> selected) implements AnswerValue {
        public Choices {
            selected = selected == null ? List.of() : selected.stream().distinct().sorted().toList();
        }

        public boolean isEmpty() {
            return selected.isEmpty();
        }

        public AnswerValue cleaned() {
            return this;
        }

        public Optional<String> problem(Step step) {
            if (!(step instanceof Step.Choice choice)) {
                return Optional.of("wrong-kind");
            }
            if (selected.stream().anyMatch(index -> index < 0 || index >= choice.options().size())) {
                return Optional.of("choice-unknown");
            }
            return !choice.multiple() && selected.size() > 1 ? Optional.of("choice-one-only") : Optional.empty();
        }
    }

    record GoalValue(@Nullable String what, @Nullable String why, @Nullable String firstStep,
            @Nullable LocalDate targetOn, @Nullable GoalScope scope)
            implements AnswerValue {
        public boolean isEmpty() {
            return blank(what) && blank(why) && blank(firstStep) && targetOn == null;
        }

        public AnswerValue cleaned() {
            return new GoalValue(clean(what), clean(why), clean(firstStep), targetOn, scope);
        }

        public Optional<String> problem(Step step) {
            if (!(step instanceof Step.Goal)) {
                return Optional.of("wrong-kind");
            }
            if (what != null && what.length() > MAX_GOAL_WHAT) {
                return Optional.of("goal-what-too-long");
            }
            if (why != null && why.length() > MAX_GOAL_WHY) {
                return Optional.of("goal-why-too-long");
            }
            if (firstStep != null && firstStep.length() > MAX_GOAL_FIRST_STEP) {
                return Optional.of("goal-first-step-too-long");
            }
            if (targetOn != null && !TypedDate.Check.acceptable(targetOn)) {
                return Optional.of("goal-date-range");
            }
            return Optional.empty();
        }
    }

    record Plan(List<Slot> slots) implements AnswerValue {
        public Plan {
            slots = slots == null ? List.of() : List.copyOf(slots);
        }

        public boolean isEmpty() {
            return slots.isEmpty();
        }

        public AnswerValue cleaned() {
            List<Slot> sorted = new ArrayList<>();
            for (Slot slot : slots) {
                sorted.add(new Slot(slot.day(), slot.from(), slot.to(), slot.kind(), clean(slot.what())));
            }
            sorted.sort(Comparator.comparing(Slot::day).thenComparing(Slot::from,
                    Comparator.nullsLast(Comparator.naturalOrder())));
            return new Plan(sorted);
        }

        public Optional<String> problem(Step step) {
            if (!(step instanceof Step.WeeklyPlan)) {
                return Optional.of("wrong-kind");
            }
            if (slots.size() > MAX_SLOTS) {
                return Optional.of("plan-too-many");
            }
            for (Slot slot : slots) {
                if (slot.day() == null || slot.kind() == null || slot.from() == null || slot.to() == null) {
                    return Optional.of("plan-slot-incomplete");
                }
                if (!slot.to().isAfter(slot.from())) {
                    return Optional.of("plan-slot-order");
                }
                if (slot.what() != null && slot.what().length() > MAX_SLOT_WHAT) {
                    return Optional.of("plan-slot-too-long");
                }
            }
            return Optional.empty();
        }
    }

    /** One protected time in the week. */
    record Slot(@Nullable DayOfWeek day, @Nullable LocalTime from, @Nullable LocalTime to, @Nullable SlotKind kind,
            @Nullable String what) {
    }

    enum SlotKind {
        PERSONAL,
        COUPLE
    }

    /** The indexes (from 0) of the ticked checklist items. */
    record Ticks(List<Integer> checked) implements AnswerValue {
        public Ticks {
            checked = checked == null ? List.of() : checked.stream().distinct().sorted().toList();
        }

        public boolean isEmpty() {
            return checked.isEmpty();
        }

        public AnswerValue cleaned() {
            return this;
        }

        public Optional<String> problem(Step step) {
            if (!(step instanceof Step.Checklist checklist)) {
                return Optional.of("wrong-kind");
            }
            return checked.stream().anyMatch(index -> index < 0 || index >= checklist.items().size())
                    ? Optional.of("checklist-unknown") : Optional.empty();
        }
    }

    /** An empty answer of the kind the step takes (null for a reading). */
    static @Nullable AnswerValue emptyFor(Step step) {
        return switch (step) {
            case Step.Reading reading -> null;
            case Step.Prompt prompt -> new Text("");
            case Step.Scale scale -> new Rating(null);
            case Step.Choice choice -> new Choices(List.of());
            case Step.Goal goal -> new GoalValue("", "", "", null, goal.scope());
            case Step.WeeklyPlan plan -> new Plan(List.of());
            case Step.Checklist checklist -> new Ticks(List.of());
        };
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /**
     * Drops control characters other than line feed and tab, and what else {@link TypedText} refuses (direction
     * overrides and isolates, broken characters); turns CR LF and lone CR into LF.
     */
    @Contract("!null -> !null")
    static @Nullable String clean(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String unified = value.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder kept = new StringBuilder(unified.length());
        unified.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .forEach(kept::appendCodePoint);
        return TypedText.Check.without(kept, true);
    }
}
