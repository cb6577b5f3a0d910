package org.tandem.workbook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.tandem.workbook.GoalScope;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.Step;
import org.tandem.workbook.StepKind;

/**
 * One step of a module in the editor: a card that opens to the fields of its kind, with buttons to move it
 * and remove it. Its id is kept as it was (or generated for a new step) and never shown.
 */
final class StepEditor extends Composite<Div> {

    /** Text fields report a change after the therapist pauses typing this long. */
    static final int TYPING_PAUSE_MILLIS = 1000;

    /** What the editor around the card does when the therapist moves, removes or changes a step. */
    interface Actions {
        void moveStep(StepEditor step, int by);

        void removeStep(StepEditor step);

        void stepChanged();
    }

    private final String id;
    private final StepKind kind;
    private final Actions actions;
    private final Details details = new Details();
    private final TextField title = new TextField();
    private final TextArea text = new TextArea();
    private final Checkbox mutualReveal = new Checkbox();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Paragraph stepProblems = new Paragraph();
    private final Button up = new Button(VaadinIcon.ARROW_UP.create());
    private final Button down = new Button(VaadinIcon.ARROW_DOWN.create());
    private final Button remove = new Button(VaadinIcon.TRASH.create());
    private @Nullable Select<Integer> min;
    private @Nullable Select<Integer> max;
    private @Nullable TextField minLabel;
    private @Nullable TextField maxLabel;
    private @Nullable Checkbox multiple;
    private @Nullable TextArea entries;
    private @Nullable RadioButtonGroup<GoalScope> scope;

    StepEditor(Step step, Actions actions) {
        this.id = step.id();
        this.kind = step.kind();
        this.actions = actions;

        title.setLabel(getTranslation("library.editor.step.title"));
        title.setMaxLength(Step.MAX_TITLE);
        title.setValue(step.title() == null ? "" : step.title());
        title.setWidthFull();
        text.setLabel(getTranslation(kind == StepKind.READING ? "library.editor.step.reading-text"
                : "library.editor.step.question"));
        text.setHelperText(getTranslation("library.editor.step.markdown"));
        text.setMaxLength(Step.MAX_TEXT);
        text.setMinRows(kind == StepKind.READING ? 6 : 3);
        text.setValue(step.text() == null ? "" : step.text());
        text.setWidthFull();
        fields.put("title", title);
        fields.put("text", text);

        Div body = new Div(title, text);
        body.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        switch (step) {
            case Step.Scale scale -> body.add(scaleFields(scale));
            case Step.Choice choice -> {
                multiple = new Checkbox(getTranslation("library.editor.step.multiple"), choice.multiple());
                body.add(multiple, entries("options", choice.options(), Step.MAX_OPTIONS * (Step.MAX_OPTION + 1)));
            }
            case Step.Checklist checklist -> body.add(entries("items", checklist.items(),
                    Step.MAX_ITEMS * (Step.MAX_ITEM + 1)));
            case Step.Goal goal -> {
                scope = new RadioButtonGroup<>(getTranslation("library.editor.step.scope"));
                scope.setItems(GoalScope.values());
                scope.setItemLabelGenerator(value -> getTranslation("library.editor.step.scope." + value.name()));
                scope.setValue(goal.scope());
                fields.put("scope", scope);
                body.add(scope);
            }
            default -> { }
        }
        if (step.answerable()) {
            mutualReveal.setLabel(getTranslation("library.editor.step.mutual-reveal"));
            mutualReveal.setValue(step.mutualReveal());
            mutualReveal.setHelperText(getTranslation("library.editor.step.mutual-reveal.helper"));
            body.add(mutualReveal);
        }
        stepProblems.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL, LumoUtility.Margin.NONE);
        stepProblems.setVisible(false);

        up.addClickListener(click -> actions.moveStep(this, -1));
        down.addClickListener(click -> actions.moveStep(this, 1));
        remove.addClickListener(click -> actions.removeStep(this));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div tools = new Div(up, down, remove);
        for (Button button : List.of(up, down, remove)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
        tools.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.XSMALL, LumoUtility.JustifyContent.END);
        body.add(tools);

        details.add(stepProblems, body);
        details.setWidthFull();
        getContent().add(details);
        getContent().addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.BorderRadius.MEDIUM, LumoUtility.Padding.Horizontal.SMALL);
        getContent().setId("step-editor-" + id);

        listen(title, text, mutualReveal);
        for (HasValue<?, ?> own : Arrays.asList(multiple, entries, scope)) {
            if (own != null) {
                listen(own);
            }
        }
        title.addValueChangeListener(change -> summary());
    }

    private Component[] scaleFields(Step.Scale scale) {
        min = new Select<>();
        min.setLabel(getTranslation("library.editor.step.min"));
        max = new Select<>();
        max.setLabel(getTranslation("library.editor.step.max"));
        for (Select<Integer> end : List.of(min, max)) {
            end.setItems(IntStream.rangeClosed(0, 10).boxed().toList());
            end.setWidth("6rem");
        }
        min.setValue(Math.clamp(scale.min(), 0, 10));
        max.setValue(Math.clamp(scale.max(), 0, 10));
        minLabel = new TextField(getTranslation("library.editor.step.min-label"));
        maxLabel = new TextField(getTranslation("library.editor.step.max-label"));
        minLabel.setValue(scale.minLabel() == null ? "" : scale.minLabel());
        maxLabel.setValue(scale.maxLabel() == null ? "" : scale.maxLabel());
        for (TextField label : List.of(minLabel, maxLabel)) {
            label.setMaxLength(Step.MAX_LABEL);
            label.addClassNames(LumoUtility.Flex.GROW);
        }
        fields.put("range", max);
        fields.put("minLabel", minLabel);
        fields.put("maxLabel", maxLabel);
        listen(min, max, minLabel, maxLabel);
        Div low = new Div(min, minLabel);
        Div high = new Div(max, maxLabel);
        for (Div end : List.of(low, high)) {
            end.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.SMALL, LumoUtility.AlignItems.BASELINE);
        }
        return new Component[] {low, high};
    }

    /** Options of a choice or items of a checklist, one per line. */
    private TextArea entries(String field, List<String> values, int maxLength) {
        TextArea area = new TextArea(getTranslation("library.editor.step." + field));
        area.setHelperText(getTranslation("library.editor.step.one-per-line"));
        area.setValue(String.join("\n", values));
        area.setMaxLength(maxLength);
        area.setMinRows(3);
        area.setWidthFull();
        entries = area;
        fields.put(field, area);
        return area;
    }

    private void listen(HasValue<?, ?>... inputs) {
        for (HasValue<?, ?> input : inputs) {
            if (input instanceof HasValueChangeMode typed) {
                typed.setValueChangeMode(ValueChangeMode.LAZY);
                typed.setValueChangeTimeout(TYPING_PAUSE_MILLIS);
            }
            input.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    actions.stepChanged();
                }
            });
        }
    }

    String id() {
        return id;
    }

    StepKind kind() {
        return kind;
    }

    /** The step as the fields now describe it. */
    Step toStep() {
        String heading = title.getValue();
        String body = text.getValue();
        boolean reveal = mutualReveal.getValue();
        return switch (kind) {
            case READING -> new Step.Reading(id, heading, body);
            case PROMPT -> new Step.Prompt(id, heading, body, reveal);
            case SCALE -> new Step.Scale(id, heading, body, value(min), value(max), textOf(minLabel),
                    textOf(maxLabel), reveal);
            case CHOICE -> new Step.Choice(id, heading, body, multiple != null && multiple.getValue(), lines(),
                    reveal);
            case GOAL -> new Step.Goal(id, heading, body, scope == null ? null : scope.getValue(), reveal);
            case WEEKLY_PLAN -> new Step.WeeklyPlan(id, heading, body, reveal);
            case CHECKLIST -> new Step.Checklist(id, heading, body, lines(), reveal);
        };
    }

    /** An empty step of a kind, for the "Add step" menu. */
    static Step blank(StepKind kind, String id) {
        return switch (kind) {
            case READING -> new Step.Reading(id, "", "");
            case PROMPT -> new Step.Prompt(id, "", "", false);
            case SCALE -> new Step.Scale(id, "", "", 0, 10, "", "", false);
            case CHOICE -> new Step.Choice(id, "", "", false, List.of(), false);
            case GOAL -> new Step.Goal(id, "", "", GoalScope.INDIVIDUAL, false);
            case WEEKLY_PLAN -> new Step.WeeklyPlan(id, "", "", false);
            case CHECKLIST -> new Step.Checklist(id, "", "", List.of(), false);
        };
    }

    /** Numbers the card within the module and lets it move only where it can. */
    void place(int position, int count) {
        getContent().getElement().setAttribute("data-position", String.valueOf(position));
        up.setEnabled(position > 1);
        down.setEnabled(position < count);
        up.setAriaLabel(getTranslation("library.editor.step.move-up", position));
        down.setAriaLabel(getTranslation("library.editor.step.move-down", position));
        remove.setAriaLabel(getTranslation("library.editor.step.remove", position));
        up.setTooltipText(getTranslation("library.editor.step.move-up", position));
        down.setTooltipText(getTranslation("library.editor.step.move-down", position));
        remove.setTooltipText(getTranslation("library.editor.step.remove", position));
        summary();
    }

    private void summary() {
        String position = getContent().getElement().getAttribute("data-position");
        String heading = title.getValue().isBlank() ? getTranslation("library.editor.step.untitled")
                : title.getValue().strip();
        details.setSummaryText(getTranslation("library.editor.step.summary", position == null ? "" : position,
                heading, getTranslation("workbook.step-kind." + kind.name())));
    }

    void setOpened(boolean opened) {
        details.setOpened(opened);
    }

    boolean isOpened() {
        return details.isOpened();
    }

    void focus() {
        title.focus();
    }

    /** Shows this step's problems beside its fields (those without a field of their own above them all). */
    void showProblems(List<ModuleContent.Problem> problems) {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
        List<String> elsewhere = new ArrayList<>();
        for (ModuleContent.Problem problem : problems) {
            String message = ProblemMessages.of(this, problem);
            HasValidation field = fields.get(problem.field());
            if (field == null) {
                elsewhere.add(message);
            } else if (!field.isInvalid()) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
        }
        stepProblems.setText(String.join(" ", elsewhere));
        stepProblems.setVisible(!elsewhere.isEmpty());
        if (!problems.isEmpty()) {
            details.setOpened(true);
        }
    }

    private List<String> lines() {
        return entries == null ? List.of() : entries.getValue().lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    private static int value(@Nullable Select<Integer> end) {
        return end == null || end.getValue() == null ? 0 : end.getValue();
    }

    private static String textOf(@Nullable TextField field) {
        return field == null ? "" : field.getValue();
    }
}
