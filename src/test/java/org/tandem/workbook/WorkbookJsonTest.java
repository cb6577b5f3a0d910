package org.tandem.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

class WorkbookJsonTest {

    @Test
    void module_content_survives_a_round_trip_with_every_step_kind() {
        ModuleContent content = new ModuleContent("Title", Category.BOUNDARIES, "A purpose of the module.", 20, List.of(
                new Step.Reading("intro", "Why", "Some **text**"),
                new Step.Prompt("ask", "Ask", "What?", true),
                new Step.Scale("rate", "Rate", "How much?", 0, 10, "Not at all", "Completely", false),
                new Step.Choice("pick", "Pick", "Which?", true, List.of("One", "Two"), false),
                new Step.Goal("goal", "Goal", "Set one", GoalScope.SHARED, false),
                new Step.WeeklyPlan("week", "Week", "Plan it", false),
                new Step.Checklist("list", "List", "Tick", List.of("A", "B"), false)));

        String json = WorkbookJson.write(content);

        assertThat(json).contains("\"kind\":\"READING\"").doesNotContain("answerable");
        assertThat(WorkbookJson.content(json)).isEqualTo(content);
        assertThat(content.problems()).isEmpty();
    }

    @Test
    void the_same_content_is_parsed_once_and_a_full_cache_starts_again_without_losing_a_value() {
        String json = WorkbookJson.write(new ModuleContent("Kept", Category.BOUNDARIES, "A purpose.", 20,
                List.of(new Step.Reading("intro", "Why", "Some text"))));
        ModuleContent first = WorkbookJson.content(json);

        assertThat(WorkbookJson.content(new String(json.toCharArray()))).isSameAs(first);
        for (int i = 0; i <= WorkbookJson.KEPT; i++) {
            String other = WorkbookJson.write(new ModuleContent("Module " + i, Category.BOUNDARIES, "A purpose.", 20,
                    List.of()));
            assertThat(WorkbookJson.content(other).title()).isEqualTo("Module " + i);
        }
        assertThat(WorkbookJson.content(json)).isEqualTo(first);
    }

    @Test
    void answers_survive_a_round_trip() {
        List<AnswerValue> values = List.of(new AnswerValue.Text("line\nbreak <script>"), new AnswerValue.Rating(4),
                new AnswerValue.Choices(List.of(2, 0)),
                new AnswerValue.GoalValue("Run", "Health", "Shoes", LocalDate.of(2027, 3, 1), GoalScope.INDIVIDUAL),
                new AnswerValue.Plan(List.of(new AnswerValue.Slot(DayOfWeek.MONDAY, LocalTime.of(18, 0),
                        LocalTime.of(19, 30), AnswerValue.SlotKind.PERSONAL, "Climbing"))),
                new AnswerValue.Ticks(List.of(1)));
        for (AnswerValue value : values) {
            assertThat(WorkbookJson.answer(WorkbookJson.write(value))).isEqualTo(value);
        }
    }

    @Test
    void unknown_properties_are_refused() {
        // A content complete in every other way, so that nothing but the unknown property can be refused.
        String complete = WorkbookJson.write(new ModuleContent("Title", Category.BOUNDARIES, "A purpose.", 20,
                List.of(new Step.Reading("intro", "Why", "Some text"))));
        String withNonsense = complete.replaceFirst("\\{", "{\"nonsense\":1,");

        assertThat(WorkbookJson.content(complete).title()).isEqualTo("Title");
        assertThatThrownBy(() -> WorkbookJson.content(withNonsense))
                .isInstanceOfSatisfying(UnrecognizedPropertyException.class,
                        refused -> assertThat(refused.getPropertyName()).isEqualTo("nonsense"))
                .hasMessageContaining("\"nonsense\"");
    }

    @Test
    void control_characters_are_dropped_but_line_breaks_kept() {
        assertThat(new AnswerValue.Text("a\u0000b\r\nc\u0007\td").cleaned()).isEqualTo(new AnswerValue.Text("ab\nc\td"));
    }
}
