package org.tandem.workbook.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.Step;

/** The checklist's items to tick. */
final class ChecklistInput extends StepInput<Step.Checklist> {

    private final CheckboxGroup<Integer> items;

    ChecklistInput(Step.Checklist step) {
        super(step);
        items = ticks(getTranslation("workbook.input.tick"), step.items());
        getContent().add(items);
    }

    @Override
    AnswerValue value() {
        return new AnswerValue.Ticks(sorted(items.getValue()));
    }

    @Override
    protected void show(AnswerValue value) {
        items.setValue(known(((AnswerValue.Ticks) value).checked(), step.items().size()));
    }

    @Override
    void setReadOnly(boolean readOnly) {
        items.setReadOnly(readOnly);
    }
}
