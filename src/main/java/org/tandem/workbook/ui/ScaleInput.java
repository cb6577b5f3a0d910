package org.tandem.workbook.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.stream.IntStream;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.Step;

/** A rating from the scale's lowest to its highest number, with what each end means written beside it. */
final class ScaleInput extends StepInput<Step.Scale> {

    private final RadioButtonGroup<Integer> rating = new RadioButtonGroup<>();

    ScaleInput(Step.Scale step) {
        super(step);
        rating.setItems(IntStream.rangeClosed(step.min(), step.max()).boxed().toList());
        rating.setItemLabelGenerator(String::valueOf);
        rating.setAriaLabel(getTranslation("workbook.input.scale", step.min(), step.minLabel(), step.max(),
                step.maxLabel()));
        rating.addClassNames(LumoUtility.FontSize.LARGE);
        rating.addValueChangeListener(change -> edited());

        Span low = new Span(getTranslation("workbook.input.scale-end", step.min(), step.minLabel()));
        Span high = new Span(getTranslation("workbook.input.scale-end", step.max(), step.maxLabel()));
        high.addClassNames(LumoUtility.TextAlignment.RIGHT);
        Div ends = new Div(low, high);
        ends.getElement().setAttribute("aria-hidden", true); // the group's own label says the same
        ends.addClassNames(LumoUtility.Display.FLEX, LumoUtility.JustifyContent.BETWEEN, LumoUtility.Gap.MEDIUM,
                LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        getContent().add(ends, rating);
    }

    @Override
    AnswerValue value() {
        return new AnswerValue.Rating(rating.getValue());
    }

    @Override
    protected void show(AnswerValue value) {
        Integer chosen = ((AnswerValue.Rating) value).value();
        rating.setValue(chosen != null && chosen >= step.min() && chosen <= step.max() ? chosen : null);
    }

    @Override
    void setReadOnly(boolean readOnly) {
        rating.setReadOnly(readOnly);
    }
}
