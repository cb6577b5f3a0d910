package org.tandem.workbook.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tandem.clinic.ClinicFormat;
import org.tandem.clinic.ClinicTime;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.Step;

/**
 * A submitted answer, read-only, as plain text: whatever a partner typed (a {@code <script>} included) is
 * shown as the characters they typed, never as HTML. Line breaks are kept; lists are one entry a line.
 */
final class AnswerText extends Div {

    private final ClinicFormat format;

    AnswerText(Step step, @Nullable AnswerValue value, ClinicTime time) {
        format = time.format(getLocale());
        addClassNames(LumoUtility.Whitespace.PRE_WRAP);
        if (value == null || value.isEmpty()) {
            addClassNames(LumoUtility.TextColor.SECONDARY);
            setText(getTranslation("workbook.review.no-answer"));
        } else {
            addClassNames(LumoUtility.TextColor.BODY);
            setText(String.join("\n", lines(step, value)));
        }
    }

    private List<String> lines(Step step, AnswerValue value) {
        List<String> lines = new ArrayList<>();
        switch (value) {
            case AnswerValue.Text text -> lines.add(text.text());
            case AnswerValue.Rating rating -> lines.add(step instanceof Step.Scale scale
                    ? getTranslation("workbook.answer.rating", String.valueOf(rating.value()),
                            String.valueOf(scale.min()), scale.minLabel(), String.valueOf(scale.max()),
                            scale.maxLabel())
                    : String.valueOf(rating.value()));
            case AnswerValue.Choices choices -> choices.selected().forEach(index -> lines.add(
                    entry(step instanceof Step.Choice choice ? choice.options() : List.of(), index)));
            case AnswerValue.Ticks ticks -> ticks.checked().forEach(index -> lines.add(
                    entry(step instanceof Step.Checklist checklist ? checklist.items() : List.of(), index)));
            case AnswerValue.GoalValue goal -> {
                line(lines, "workbook.answer.goal.what", goal.what());
                line(lines, "workbook.answer.goal.why", goal.why());
                line(lines, "workbook.answer.goal.first-step", goal.firstStep());
                if (goal.targetOn() != null) {
                    lines.add(getTranslation("workbook.answer.goal.target",
                            format.date(goal.targetOn())));
                }
            }
            case AnswerValue.Plan plan -> plan.slots().forEach(slot -> lines.add(slot(slot)));
        }
        return lines;
    }

    private String slot(AnswerValue.Slot slot) {
        String day = slot.day() == null ? "" : slot.day().getDisplayName(TextStyle.FULL, getLocale());
        String kind = slot.kind() == null ? "" : getTranslation("workbook.answer.plan.kind." + slot.kind().name());
        boolean what = slot.what() != null && !slot.what().isBlank();
        return getTranslation(what ? "workbook.answer.plan.slot-what" : "workbook.answer.plan.slot", day,
                clock(slot.from()), clock(slot.to()), kind, what ? slot.what() : "");
    }

    /** A plan's times are the partner's wall clock, not instants: no zone applies. */
    private String clock(@Nullable LocalTime time) {
        return time == null ? "" : format.localTime(time);
    }

    /** An option or item by its index; an index the step does not have (never stored: the service refuses it) shows as its number. */
    private static String entry(List<String> entries, int index) {
        return index >= 0 && index < entries.size() ? entries.get(index) : String.valueOf(index + 1);
    }

    private void line(List<String> lines, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            lines.add(getTranslation(key, value));
        }
    }
}
