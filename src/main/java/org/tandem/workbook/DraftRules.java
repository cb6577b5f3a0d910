package org.tandem.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tandem.accounts.TypedText;
import org.tandem.workbook.ModuleContent.Problem;

/**
 * What a draft must satisfy to be saved at all, as opposed to {@link ModuleContent#problems()}, which it
 * must satisfy to be published: a draft may be incomplete, but never over the hard limits, and it needs a
 * title and a category (the library lists and sorts by them).
 */
final class DraftRules {

    /** Problems of {@link ModuleContent#problems()} that are about size, not completeness. */
    private static final Set<String> OVER_LIMIT = Set.of("too-long", "too-many-steps", "options-too-many",
            "items-too-many", "entry-too-long");
    private static final int MAX_STEP_ID = 40;
    private static final String COPY_SUFFIX = " (copy)";

    private DraftRules() {}

    /** The content with control characters (other than line feed and tab) dropped from every text. */
    static ModuleContent cleaned(ModuleContent content) {
        return new ModuleContent(oneLine(content.title()), content.category(),
                AnswerValue.clean(content.purpose()), content.minutes(),
                content.steps().stream().map(DraftRules::cleaned).toList());
    }

    private static Step cleaned(Step step) {
        String id = AnswerValue.clean(step.id());
        String title = AnswerValue.clean(step.title());
        String text = AnswerValue.clean(step.text());
        return switch (step) {
            case Step.Reading ignored -> new Step.Reading(id, title, text);
            case Step.Prompt prompt -> new Step.Prompt(id, title, text, prompt.mutualReveal());
            case Step.Scale scale -> new Step.Scale(id, title, text, scale.min(), scale.max(),
                    AnswerValue.clean(scale.minLabel()), AnswerValue.clean(scale.maxLabel()), scale.mutualReveal());
            case Step.Choice choice -> new Step.Choice(id, title, text, choice.multiple(), cleaned(choice.options()),
                    choice.mutualReveal());
            case Step.Goal goal -> new Step.Goal(id, title, text, goal.scope(), goal.mutualReveal());
            case Step.WeeklyPlan plan -> new Step.WeeklyPlan(id, title, text, plan.mutualReveal());
            case Step.Checklist checklist -> new Step.Checklist(id, title, text, cleaned(checklist.items()),
                    checklist.mutualReveal());
        };
    }

    /** A title: one line, without the blanks around it (as {@link NewModule} stores it). */
    private static String oneLine(String title) {
        return TypedText.Check.without(AnswerValue.clean(title), false).strip();
    }

    private static List<String> cleaned(List<String> entries) {
        return entries.stream().map(AnswerValue::clean).toList();
    }

    /** Why the (cleaned) content cannot even be saved as a draft; empty when it can. */
    static List<Problem> unsavable(ModuleContent content) {
        List<Problem> problems = new ArrayList<>();
        if (content.title() == null || content.title().isBlank()) {
            problems.add(new Problem(null, "title", "required", 1));
        }
        List<Problem> all = content.problems();
        all.stream()
                .filter(problem -> OVER_LIMIT.contains(problem.key()) || problem.key().equals("category-missing"))
                .forEach(problems::add);
        // problems() names only the first thing wrong with a list of options or items; here an over-long
        // entry must be found even when the list is also short of entries.
        for (Step step : content.steps()) {
            if (step.id() != null && step.id().length() > MAX_STEP_ID) {
                problems.add(new Problem(step.id(), "id", "step-id-format"));
            }
            switch (step) {
                case Step.Choice choice -> overLong(problems, all, step.id(), "options", choice.options(),
                        Step.MAX_OPTION);
                case Step.Checklist checklist -> overLong(problems, all, step.id(), "items", checklist.items(),
                        Step.MAX_ITEM);
                default -> { }
            }
        }
        return List.copyOf(problems);
    }

    private static void overLong(List<Problem> problems, List<Problem> all, String stepId, String field,
            List<String> entries, int maxLength) {
        boolean reported = all.stream().anyMatch(problem -> problem.key().equals("entry-too-long")
                && field.equals(problem.field()) && Objects.equals(stepId, problem.stepId()));
        if (!reported && entries.stream().anyMatch(entry -> entry != null && entry.strip().length() > maxLength)) {
            problems.add(new Problem(stepId, field, "entry-too-long", maxLength));
        }
    }

    /** Why a new module cannot be created with this title and category; empty when it can. */
    static List<Problem> uncreatable(String title, Category category) {
        return ModuleContent.blank(title, category).problems().stream()
                .filter(problem -> problem.stepId() == null
                        && (problem.field().equals("title") || problem.field().equals("category")))
                .toList();
    }

    /** "Title (copy)", shortening the title so that the whole stays within the limit. */
    static String copyTitle(String title) {
        String base = title.strip();
        int room = ModuleContent.MAX_TITLE - COPY_SUFFIX.length();
        if (base.length() > room) {
            int end = Character.isHighSurrogate(base.charAt(room - 1)) ? room - 1 : room;
            base = base.substring(0, end).strip();
        }
        return base + COPY_SUFFIX;
    }
}
