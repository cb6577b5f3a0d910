package org.tandem.workbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a module says: its title, category, purpose, estimated minutes and ordered steps. A draft is
 * one of these, edited; a published version is one of these, frozen.
 */
public record ModuleContent(String title, Category category, String purpose, int minutes, List<Step> steps) {

    public static final int MIN_TITLE = 3;
    public static final int MAX_TITLE = 120;
    public static final int MAX_PURPOSE = 400;
    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 120;
    public static final int MAX_STEPS = 30;
    private static final Pattern STEP_ID = Pattern.compile("[a-z0-9-]{1,40}");

    public ModuleContent {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A blank draft for a new clinic module. */
    public static ModuleContent blank(String title, Category category) {
        return new ModuleContent(title, category, "", 15, List.of());
    }

    public Step step(String stepId) {
        return steps.stream().filter(step -> step.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No step " + stepId));
    }

    public boolean hasStep(String stepId) {
        return steps.stream().anyMatch(step -> step.id().equals(stepId));
    }

    /**
     * Everything that keeps this content from being published, each with the field it belongs to: a
     * translation key under {@code workbook.module.problem.} and its arguments. Empty when it may be published.
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        length(problems, null, "title", title, MIN_TITLE, MAX_TITLE);
        if (category == null) {
            problems.add(new Problem(null, "category", "category-missing"));
        }
        length(problems, null, "purpose", purpose, 10, MAX_PURPOSE);
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            problems.add(new Problem(null, "minutes", "minutes-range", MIN_MINUTES, MAX_MINUTES));
        }
        if (steps.isEmpty()) {
            problems.add(new Problem(null, "steps", "no-steps"));
        } else if (steps.size() > MAX_STEPS) {
            problems.add(new Problem(null, "steps", "too-many-steps", MAX_STEPS));
        } else if (steps.stream().noneMatch(Step::answerable)) {
            problems.add(new Problem(null, "steps", "nothing-to-answer"));
        }
        Set<String> ids = new HashSet<>();
        for (Step step : steps) {
            String id = step.id();
            if (id == null || !STEP_ID.matcher(id).matches()) {
                problems.add(new Problem(id, "id", "step-id-format"));
            } else if (!ids.add(id)) {
                problems.add(new Problem(id, "id", "step-id-duplicate"));
            }
            length(problems, id, "title", step.title(), 1, Step.MAX_TITLE);
            length(problems, id, "text", step.text(), 1, Step.MAX_TEXT);
            switch (step) {
                case Step.Scale scale -> {
                    if (scale.min() < 0 || scale.max() > 10 || scale.min() >= scale.max()) {
                        problems.add(new Problem(id, "range", "scale-range"));
                    }
                    length(problems, id, "minLabel", scale.minLabel(), 1, Step.MAX_LABEL);
                    length(problems, id, "maxLabel", scale.maxLabel(), 1, Step.MAX_LABEL);
                }
                case Step.Choice choice -> entries(problems, id, "options", choice.options(), 2, Step.MAX_OPTIONS,
                        Step.MAX_OPTION);
                case Step.Checklist checklist -> entries(problems, id, "items", checklist.items(), 1, Step.MAX_ITEMS,
                        Step.MAX_ITEM);
                case Step.Goal goal -> {
                    if (goal.scope() == null) {
                        problems.add(new Problem(id, "scope", "goal-scope-missing"));
                    }
                }
                default -> { }
            }
        }
        return List.copyOf(problems);
    }

    private static void length(List<Problem> problems, @Nullable String stepId, String field, @Nullable String value,
            int min, int max) {
        int length = value == null ? 0 : value.strip().length();
        if (length < min) {
            problems.add(new Problem(stepId, field, min <= 1 ? "required" : "too-short", min));
        } else if (length > max) {
            problems.add(new Problem(stepId, field, "too-long", max));
        }
    }

    private static void entries(List<Problem> problems, @Nullable String stepId, String field, List<String> entries, int min,
            int max, int maxLength) {
        List<String> filled = entries.stream().filter(entry -> entry != null && !entry.isBlank()).map(String::strip)
                .toList();
        if (filled.size() < min) {
            problems.add(new Problem(stepId, field, field + "-too-few", min));
        } else if (entries.size() > max) {
            problems.add(new Problem(stepId, field, field + "-too-many", max));
        } else if (filled.size() < entries.size()) {
            problems.add(new Problem(stepId, field, "entry-blank"));
        } else if (filled.stream().anyMatch(entry -> entry.length() > maxLength)) {
            problems.add(new Problem(stepId, field, "entry-too-long", maxLength));
        } else if (new HashSet<>(filled).size() < filled.size()) {
            problems.add(new Problem(stepId, field, "entry-duplicate"));
        }
    }

    /**
     * One reason the content cannot be published.
     *
     * @param stepId the step it concerns, or null for the module itself
     * @param field the field (title, purpose, minutes, steps, text, minLabel, options, ...)
     * @param key the message key under {@code workbook.module.problem.}
     */
    public record Problem(@Nullable String stepId, String field, String key, Object... args) {
    }
}
