package org.tandem.workbook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.Step;

/**
 * An answer written out for reading: the other partner's answer, or the version that came first in a
 * conflict. Everything the partner typed is set as text, never as HTML, so a {@code <script>} shows as written.
 */
final class AnswerText {

    private AnswerText() {}

    static Component of(Component host, Step step, AnswerValue value) {
        Div shown = new Div();
        shown.addClassNames("answer-text", LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.XSMALL);
        if (value.isEmpty()) {
            shown.add(line(host.getTranslation("workbook.work.answer.empty"), LumoUtility.TextColor.SECONDARY));
            return shown;
        }
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Locale.getDefault() : ui.getLocale();
        switch (value) {
            case AnswerValue.Text text -> shown.add(line(text.text()));
            case AnswerValue.Rating rating -> shown.add(line(step instanceof Step.Scale scale
                    ? host.getTranslation("workbook.work.answer.rating", rating.value(), scale.min(), scale.minLabel(),
                            scale.max(), scale.maxLabel())
                    : String.valueOf(rating.value())));
            case AnswerValue.Choices choices -> shown.add(list(choices.selected(),
                    step instanceof Step.Choice choice ? choice.options() : List.of()));
            case AnswerValue.Ticks ticks -> shown.add(list(ticks.checked(),
                    step instanceof Step.Checklist checklist ? checklist.items() : List.of()));
            case AnswerValue.GoalValue goal -> {
                labelled(host, shown, "workbook.input.goal.what", goal.what());
                labelled(host, shown, "workbook.input.goal.why", goal.why());
                labelled(host, shown, "workbook.input.goal.first-step", goal.firstStep());
                if (goal.targetOn() != null) {
                    labelled(host, shown, "workbook.input.goal.target",
                            DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(goal.targetOn()));
                }
                if (goal.scope() != null) {
                    shown.add(line(host.getTranslation("workbook.input.goal.scope." + goal.scope().name()),
                            LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY));
                }
            }
            case AnswerValue.Plan plan -> {
                DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
                UnorderedList slots = new UnorderedList();
                for (AnswerValue.Slot slot : plan.slots()) {
                    String when = host.getTranslation("workbook.work.answer.slot",
                            slot.day() == null ? "" : slot.day().getDisplayName(TextStyle.FULL, locale),
                            slot.from() == null ? "" : time.format(slot.from()),
                            slot.to() == null ? "" : time.format(slot.to()),
                            slot.kind() == null ? "" : host.getTranslation("workbook.input.plan.kind." + slot.kind().name()));
                    slots.add(new ListItem(slot.what() == null || slot.what().isBlank() ? when
                            : host.getTranslation("workbook.work.answer.slot-what", when, slot.what())));
                }
                slots.addClassNames(LumoUtility.Margin.NONE);
                shown.add(slots);
            }
        }
        return shown;
    }

    private static void labelled(Component host, Div into, String labelKey, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        Paragraph label = line(host.getTranslation(labelKey), LumoUtility.FontSize.SMALL,
                LumoUtility.TextColor.SECONDARY);
        into.add(label, line(text));
    }

    private static UnorderedList list(List<Integer> positions, List<String> texts) {
        UnorderedList list = new UnorderedList();
        positions.stream().filter(position -> position >= 0 && position < texts.size())
                .forEach(position -> list.add(new ListItem(texts.get(position))));
        list.addClassNames(LumoUtility.Margin.NONE);
        return list;
    }

    private static Paragraph line(String text, String... classNames) {
        Paragraph line = new Paragraph(text);
        line.addClassNames(LumoUtility.Margin.NONE, LumoUtility.Whitespace.PRE_WRAP);
        line.addClassNames(classNames);
        return line;
    }
}
