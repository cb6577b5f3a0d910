package org.tandem.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.Category;
import org.tandem.workbook.GoalScope;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.Step;
import org.tandem.workbook.StepKind;

/** Every problem a module or an answer can have, every category and every kind of step has words. */
class ProblemMessagesTest {

    static final Properties TEXTS = new Properties();

    @BeforeAll
    static void read_translations() throws IOException {
        try (InputStream in = ProblemMessagesTest.class.getResourceAsStream("/vaadin-i18n/translations.properties")) {
            TEXTS.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    static String text(String key, Object... args) {
        String pattern = TEXTS.getProperty(key);
        assertThat(pattern).as(key).isNotBlank();
        String text = args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
        assertThat(text).as(key).doesNotContain("{", "}");
        return text;
    }

    static String repeat(int length) {
        return "x".repeat(length);
    }

    static List<String> entries(int count) {
        return IntStream.range(0, count).mapToObj(index -> "Entry " + index).toList();
    }

    /** Contents that, between them, run into every rule of {@link ModuleContent#problems()}. */
    static List<ModuleContent> faulty() {
        Step reading = new Step.Reading("intro", "Intro", "Text");
        Step prompt = new Step.Prompt("ask", "Ask", "Text", false);
        return List.of(
                new ModuleContent("", null, "", 0, List.of()),
                new ModuleContent("ab", Category.BOUNDARIES, "short", 500, List.of(reading)),
                new ModuleContent(repeat(121), Category.BOUNDARIES, repeat(401), 15,
                        Collections.nCopies(31, prompt)),
                new ModuleContent("Title", Category.BOUNDARIES, "A long enough purpose.", 15, List.of(
                        new Step.Prompt("Bad Id", "", "", false),
                        new Step.Prompt("same", "T", repeat(8001), false),
                        new Step.Prompt("same", repeat(121), "T", false),
                        new Step.Scale("scale", "T", "T", 5, 5, "", "", false),
                        new Step.Scale("labels", "T", "T", 0, 10, repeat(61), repeat(61), false),
                        new Step.Choice("few", "T", "T", false, List.of("One"), false),
                        new Step.Choice("many", "T", "T", false, entries(13), false),
                        new Step.Choice("blank", "T", "T", false, List.of("One", " ", "Two"), false),
                        new Step.Choice("long", "T", "T", false, List.of("One", repeat(121)), false),
                        new Step.Choice("twice", "T", "T", false, List.of("One", "One"), false),
                        new Step.Checklist("none", "T", "T", List.of(), false),
                        new Step.Checklist("lots", "T", "T", entries(21), false),
                        new Step.Goal("goal", "T", "T", null, false))));
    }

    @Test
    void every_module_problem_has_words() {
        List<ModuleContent.Problem> problems = faulty().stream().flatMap(content -> content.problems().stream())
                .toList();
        List<String> keys = problems.stream().map(ModuleContent.Problem::key).distinct().toList();

        assertThat(keys).containsExactlyInAnyOrder("required", "too-short", "too-long", "category-missing",
                "minutes-range", "no-steps", "too-many-steps", "nothing-to-answer", "step-id-format",
                "step-id-duplicate", "scale-range", "options-too-few", "options-too-many", "entry-blank",
                "entry-too-long", "entry-duplicate", "items-too-few", "items-too-many", "goal-scope-missing");
        for (ModuleContent.Problem problem : problems) {
            text(ProblemMessages.key(problem), problem.args());
            text("workbook.module.problem." + problem.key(), problem.args());
        }
        assertThat(text("workbook.module.problem.options-too-few", 2)).isEqualTo("A choice needs at least 2 options.");
        assertThat(text("workbook.module.problem.items-too-few", 1)).isEqualTo("A checklist needs at least one item.");
    }

    @Test
    void every_answer_problem_has_words() {
        Step.Prompt prompt = new Step.Prompt("p", "T", "T", false);
        Step.Scale scale = new Step.Scale("s", "T", "T", 0, 5, "a", "b", false);
        Step.Choice choice = new Step.Choice("c", "T", "T", false, List.of("A", "B"), false);
        Step.Goal goal = new Step.Goal("g", "T", "T", GoalScope.INDIVIDUAL, false);
        Step.WeeklyPlan week = new Step.WeeklyPlan("w", "T", "T", false);
        Step.Checklist checklist = new Step.Checklist("l", "T", "T", List.of("A"), false);
        AnswerValue.Slot slot = new AnswerValue.Slot(DayOfWeek.MONDAY, LocalTime.NOON, LocalTime.of(13, 0),
                AnswerValue.SlotKind.COUPLE, "");
        List<String> keys = new ArrayList<>();
        for (var check : List.of(
                new AnswerValue.Text("x").problem(scale),
                new AnswerValue.Text(repeat(AnswerValue.MAX_TEXT + 1)).problem(prompt),
                new AnswerValue.Rating(6).problem(scale),
                new AnswerValue.Choices(List.of(5)).problem(choice),
                new AnswerValue.Choices(List.of(0, 1)).problem(choice),
                new AnswerValue.GoalValue(repeat(301), "", "", null, null).problem(goal),
                new AnswerValue.GoalValue("", repeat(2001), "", null, null).problem(goal),
                new AnswerValue.GoalValue("", "", repeat(1001), null, null).problem(goal),
                new AnswerValue.Plan(Collections.nCopies(29, slot)).problem(week),
                new AnswerValue.Plan(List.of(new AnswerValue.Slot(null, null, null, null, ""))).problem(week),
                new AnswerValue.Plan(List.of(new AnswerValue.Slot(DayOfWeek.MONDAY, LocalTime.NOON, LocalTime.NOON,
                        AnswerValue.SlotKind.COUPLE, ""))).problem(week),
                new AnswerValue.Plan(List.of(new AnswerValue.Slot(DayOfWeek.MONDAY, LocalTime.NOON,
                        LocalTime.of(13, 0), AnswerValue.SlotKind.COUPLE, repeat(201)))).problem(week),
                new AnswerValue.Ticks(List.of(3)).problem(checklist))) {
            keys.add(check.orElseThrow());
        }

        assertThat(keys).doesNotHaveDuplicates().hasSize(13);
        keys.forEach(key -> text("workbook.answer.problem." + key)); // the key WorkbookService refuses with
    }

    @Test
    void every_category_and_kind_of_step_has_a_name() {
        for (Category category : Category.values()) {
            text("workbook.category." + category.name());
        }
        for (StepKind kind : StepKind.values()) {
            text("workbook.step-kind." + kind.name());
        }
    }
}
