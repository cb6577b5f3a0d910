package org.tandem.workbook.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.jspecify.annotations.Nullable;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.GoalScope;
import org.tandem.workbook.Step;

/**
 * A goal: what, why, the first step and a target date. A step for a goal the couple shares lets the partner
 * make it their own goal instead; a step for an individual goal always makes the partner's own.
 */
final class GoalInput extends StepInput<Step.Goal> {

    private final TextField what = textField(getTranslation("workbook.input.goal.what"), AnswerValue.MAX_GOAL_WHAT);
    private final TextArea why = textArea(getTranslation("workbook.input.goal.why"), AnswerValue.MAX_GOAL_WHY);
    private final TextArea firstStep = textArea(getTranslation("workbook.input.goal.first-step"),
            AnswerValue.MAX_GOAL_FIRST_STEP);
    private final DatePicker targetOn = new DatePicker(getTranslation("workbook.input.goal.target"));
    private final @Nullable RadioButtonGroup<GoalScope> scope;

    GoalInput(Step.Goal step) {
        super(step);
        why.setMinRows(2);
        firstStep.setMinRows(2);
        targetOn.setHelperText(getTranslation("workbook.input.goal.target.helper"));
        targetOn.addValueChangeListener(change -> edited());
        if (offersChoice(step)) {
            scope = new RadioButtonGroup<>(getTranslation("workbook.input.goal.scope"));
            scope.setItems(GoalScope.values());
            scope.setItemLabelGenerator(value -> getTranslation("workbook.input.goal.scope." + value.name()));
            scope.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
            scope.setValue(step.scope());
            scope.addValueChangeListener(change -> edited());
            getContent().add(scope);
        } else {
            scope = null;
            Paragraph own = new Paragraph(getTranslation("workbook.input.goal.own"));
            own.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
            getContent().add(own);
        }
        getContent().add(what, why, firstStep, targetOn);
    }

    static boolean offersChoice(Step.Goal step) {
        return step.scope() != GoalScope.INDIVIDUAL;
    }

    @Override
    AnswerValue value() {
        GoalScope chosen = scope == null || scope.getValue() == null ? step.scope() : scope.getValue();
        return new AnswerValue.GoalValue(what.getValue(), why.getValue(), firstStep.getValue(), targetOn.getValue(),
                chosen);
    }

    @Override
    protected void show(AnswerValue value) {
        AnswerValue.GoalValue goal = (AnswerValue.GoalValue) value;
        what.setValue(orEmpty(goal.what()));
        why.setValue(orEmpty(goal.why()));
        firstStep.setValue(orEmpty(goal.firstStep()));
        targetOn.setValue(goal.targetOn());
        if (scope != null) {
            scope.setValue(goal.scope() == null ? step.scope() : goal.scope());
        }
    }

    @Override
    void setReadOnly(boolean readOnly) {
        what.setReadOnly(readOnly);
        why.setReadOnly(readOnly);
        firstStep.setReadOnly(readOnly);
        targetOn.setReadOnly(readOnly);
        if (scope != null) {
            scope.setReadOnly(readOnly);
        }
    }
}
