package org.tandem.workbook.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.Step;

/**
 * Where a partner answers one step, shaped by the kind of step; it gives and takes the matching
 * {@link AnswerValue}. Edits by the user are reported (text after a pause in typing, clicks at once);
 * an answer put in by the program is not.
 */
abstract class StepInput<S extends Step> extends Composite<Div> {

    /** Text inputs report what was typed at most this often while the partner types. */
    static final int TYPING_PAUSE_MILLIS = 700;

    protected final S step;
    private Runnable onEdit = () -> { };
    private boolean quiet;

    StepInput(S step) {
        this.step = step;
        getContent().addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Width.FULL);
    }

    /** The input for an answerable step, showing {@code initial} (or nothing yet when null). */
    static StepInput<?> of(Step step, @Nullable AnswerValue initial) {
        StepInput<?> input = switch (step) {
            case Step.Prompt prompt -> new PromptInput(prompt);
            case Step.Scale scale -> new ScaleInput(scale);
            case Step.Choice choice -> new ChoiceInput(choice);
            case Step.Goal goal -> new GoalInput(goal);
            case Step.WeeklyPlan plan -> new WeeklyPlanInput(plan);
            case Step.Checklist checklist -> new ChecklistInput(checklist);
            case Step.Reading reading -> throw new IllegalArgumentException("A reading takes no answer: " + step.id());
        };
        AnswerValue start = initial == null ? AnswerValue.emptyFor(step) : initial;
        if (start != null && start.problem(step).filter("wrong-kind"::equals).isEmpty()) {
            input.setAnswer(start);
        }
        return input;
    }

    /** The answer as it stands now. */
    abstract AnswerValue value();

    /** Shows {@code value} (of this step's kind). */
    protected abstract void show(AnswerValue value);

    abstract void setReadOnly(boolean readOnly);

    /** Replaces what is shown without reporting it as an edit. */
    final void setAnswer(AnswerValue value) {
        quiet = true;
        try {
            show(value);
        } finally {
            quiet = false;
        }
    }

    final void onEdit(Runnable listener) {
        onEdit = listener;
    }

    /** Subclasses call this whenever the user changed the answer. */
    protected final void edited() {
        if (!quiet) {
            onEdit.run();
        }
    }

    /** A text field that reports typing after a short pause and holds at most {@code maxLength} characters. */
    protected final <T extends HasValueChangeMode> T typing(T field) {
        field.setValueChangeMode(ValueChangeMode.TIMEOUT);
        field.setValueChangeTimeout(TYPING_PAUSE_MILLIS);
        return field;
    }

    protected final TextField textField(String label, int maxLength) {
        TextField field = typing(new TextField(label));
        field.setMaxLength(maxLength);
        // A tampered browser can send more than maxlength allows: the field says why it is not saved.
        field.setI18n(new TextField.TextFieldI18n()
                .setMaxLengthErrorMessage(getTranslation("workbook.input.too-long", maxLength)));
        field.setWidthFull();
        field.addValueChangeListener(change -> edited());
        return field;
    }

    protected final TextArea textArea(String label, int maxLength) {
        TextArea area = typing(new TextArea(label));
        area.setMaxLength(maxLength);
        area.setI18n(new TextArea.TextAreaI18n()
                .setMaxLengthErrorMessage(getTranslation("workbook.input.too-long", maxLength)));
        area.setMinRows(3);
        area.setWidthFull();
        area.addValueChangeListener(change -> edited());
        return area;
    }

    /** Tick boxes for a list of texts; the value is the set of ticked positions (from 0). */
    protected final CheckboxGroup<Integer> ticks(String label, List<String> texts) {
        CheckboxGroup<Integer> group = new CheckboxGroup<>(label);
        group.setItems(IntStream.range(0, texts.size()).boxed().toList());
        group.setItemLabelGenerator(texts::get);
        group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        group.addValueChangeListener(change -> edited());
        return group;
    }

    protected static List<Integer> sorted(Set<Integer> positions) {
        return positions.stream().sorted().toList();
    }

    protected static Set<Integer> known(List<Integer> positions, int size) {
        return Set.copyOf(positions.stream().filter(position -> position >= 0 && position < size).toList());
    }

    protected static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
