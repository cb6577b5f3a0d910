package org.tandem.workbook.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.Step;

/** One option (radio buttons) or any number of them (tick boxes), as the step says. */
final class ChoiceInput extends StepInput<Step.Choice> {

    private final @Nullable RadioButtonGroup<Integer> one;
    private final @Nullable CheckboxGroup<Integer> many;

    ChoiceInput(Step.Choice step) {
        super(step);
        List<String> options = step.options();
        if (step.multiple()) {
            one = null;
            many = ticks(getTranslation("workbook.input.choose-any"), options);
            getContent().add(many);
        } else {
            many = null;
            one = new RadioButtonGroup<>(getTranslation("workbook.input.choose-one"));
            one.setItems(IntStream.range(0, options.size()).boxed().toList());
            one.setItemLabelGenerator(options::get);
            one.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
            one.addValueChangeListener(change -> edited());
            getContent().add(one);
        }
    }

    @Override
    AnswerValue value() {
        if (many != null) {
            return new AnswerValue.Choices(sorted(many.getValue()));
        }
        Integer chosen = one == null ? null : one.getValue();
        return new AnswerValue.Choices(chosen == null ? List.of() : List.of(chosen));
    }

    @Override
    protected void show(AnswerValue value) {
        Set<Integer> chosen = known(((AnswerValue.Choices) value).selected(), step.options().size());
        if (many != null) {
            many.setValue(chosen);
        } else if (one != null) {
            one.setValue(chosen.stream().min(Integer::compare).orElse(null));
        }
    }

    @Override
    void setReadOnly(boolean readOnly) {
        if (many != null) {
            many.setReadOnly(readOnly);
        }
        if (one != null) {
            one.setReadOnly(readOnly);
        }
    }
}
