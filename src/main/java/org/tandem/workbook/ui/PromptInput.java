package org.tandem.workbook.ui;

import com.vaadin.flow.component.textfield.TextArea;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.Step;

/** A free-text answer, with the characters left shown as the partner writes and a clear word at the limit. */
final class PromptInput extends StepInput<Step.Prompt> {

    private final TextArea text;

    PromptInput(Step.Prompt step) {
        super(step);
        text = textArea(getTranslation("workbook.input.your-answer"), AnswerValue.MAX_TEXT);
        text.setMinRows(5);
        text.addValueChangeListener(change -> count());
        count();
        getContent().add(text);
    }

    private void count() {
        int length = text.getValue().length();
        text.setHelperText(length >= AnswerValue.MAX_TEXT
                ? getTranslation("workbook.input.limit-reached", AnswerValue.MAX_TEXT)
                : getTranslation("workbook.input.characters", length, AnswerValue.MAX_TEXT));
    }

    @Override
    AnswerValue value() {
        return new AnswerValue.Text(text.getValue());
    }

    @Override
    protected void show(AnswerValue value) {
        text.setValue(orEmpty(((AnswerValue.Text) value).text()));
    }

    @Override
    void setReadOnly(boolean readOnly) {
        text.setReadOnly(readOnly);
    }
}
