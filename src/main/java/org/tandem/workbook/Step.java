package org.tandem.workbook;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of a module. The {@code id} is stable within a module and names the step's answer; a
 * published version never changes, so answers always meet the step they were given for.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Step.Reading.class, name = "READING"),
        @JsonSubTypes.Type(value = Step.Prompt.class, name = "PROMPT"),
        @JsonSubTypes.Type(value = Step.Scale.class, name = "SCALE"),
        @JsonSubTypes.Type(value = Step.Choice.class, name = "CHOICE"),
        @JsonSubTypes.Type(value = Step.Goal.class, name = "GOAL"),
        @JsonSubTypes.Type(value = Step.WeeklyPlan.class, name = "WEEKLY_PLAN"),
        @JsonSubTypes.Type(value = Step.Checklist.class, name = "CHECKLIST")
})
public sealed interface Step {

    int MAX_TITLE = 120;
    int MAX_TEXT = 8000;
    int MAX_OPTION = 120;
    int MAX_OPTIONS = 12;
    int MAX_ITEM = 200;
    int MAX_ITEMS = 20;
    int MAX_LABEL = 60;

    String id();

    String title();

    /** Markdown: the reading itself, or the question and its instructions. */
    String text();

    /** The other partner sees this answer only after submitting their own (never on a reading). */
    default boolean mutualReveal() {
        return false;
    }

    StepKind kind();

    /** Whether the partner answers this step; a reading is only read. */
    default boolean answerable() {
        return kind() != StepKind.READING;
    }

    /** The same step under another id (used when a step is copied in the editor). */
    Step withId(String newId);

    record Reading(String id, String title, String text) implements Step {
        public StepKind kind() {
            return StepKind.READING;
        }

        public Step withId(String newId) {
            return new Reading(newId, title, text);
        }
    }

    record Prompt(String id, String title, String text, boolean mutualReveal) implements Step {
        public StepKind kind() {
            return StepKind.PROMPT;
        }

        public Step withId(String newId) {
            return new Prompt(newId, title, text, mutualReveal);
        }
    }

    record Scale(String id, String title, String text, int min, int max, String minLabel, String maxLabel,
            boolean mutualReveal) implements Step {
        public StepKind kind() {
            return StepKind.SCALE;
        }

        public Step withId(String newId) {
            return new Scale(newId, title, text, min, max, minLabel, maxLabel, mutualReveal);
        }
    }

    record Choice(String id, String title, String text, boolean multiple, List<String> options, boolean mutualReveal)
            implements Step {
        public Choice {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public StepKind kind() {
            return StepKind.CHOICE;
        }

        public Step withId(String newId) {
            return new Choice(newId, title, text, multiple, options, mutualReveal);
        }
    }

    /** A goal the partner sets: what, why, first step, target date. */
    record Goal(String id, String title, String text, @Nullable GoalScope scope, boolean mutualReveal) implements Step {
        public StepKind kind() {
            return StepKind.GOAL;
        }

        public Step withId(String newId) {
            return new Goal(newId, title, text, scope, mutualReveal);
        }
    }

    /** Protected personal time and couple time across the week. */
    record WeeklyPlan(String id, String title, String text, boolean mutualReveal) implements Step {
        public StepKind kind() {
            return StepKind.WEEKLY_PLAN;
        }

        public Step withId(String newId) {
            return new WeeklyPlan(newId, title, text, mutualReveal);
        }
    }

    record Checklist(String id, String title, String text, List<String> items, boolean mutualReveal) implements Step {
        public Checklist {
            items = items == null ? List.of() : List.copyOf(items);
        }

        public StepKind kind() {
            return StepKind.CHECKLIST;
        }

        public Step withId(String newId) {
            return new Checklist(newId, title, text, items, mutualReveal);
        }
    }
}
