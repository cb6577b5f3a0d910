package org.tandem.workbook.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Map;
import org.tandem.workbook.Category;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.Step;

/** The module's own fields in the {@link ModuleEditorView}: title, category, purpose and length. */
class ModuleFields extends Composite<FormLayout> {

    private final TextField title = new TextField();
    private final Select<Category> category = new Select<>();
    private final TextArea purpose = new TextArea();
    private final IntegerField minutes = new IntegerField();
    private final Map<String, HasValidation> byName = Map.of("title", title, "category", category,
            "purpose", purpose, "minutes", minutes);

    /** {@code changed} runs whenever the therapist changes a field (typing: after a pause). */
    ModuleFields(ModuleContent content, Runnable changed) {
        title.setLabel(getTranslation("library.editor.title"));
        title.setMaxLength(ModuleContent.MAX_TITLE);
        title.setValue(content.title() == null ? "" : content.title());
        category.setLabel(getTranslation("library.editor.category"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(value -> getTranslation("workbook.category." + value.name()));
        category.setValue(content.category());
        purpose.setLabel(getTranslation("library.editor.purpose"));
        purpose.setHelperText(getTranslation("library.editor.purpose.helper"));
        purpose.setMaxLength(ModuleContent.MAX_PURPOSE);
        purpose.setValue(content.purpose() == null ? "" : content.purpose());
        minutes.setLabel(getTranslation("library.editor.minutes"));
        minutes.setHelperText(getTranslation("library.editor.minutes.helper", ModuleContent.MIN_MINUTES,
                ModuleContent.MAX_MINUTES));
        minutes.setMin(ModuleContent.MIN_MINUTES);
        minutes.setMax(ModuleContent.MAX_MINUTES);
        minutes.setStepButtonsVisible(true);
        // The field's own range check (a draft may still be saved outside it; publishing refuses) says why.
        String range = getTranslation("workbook.module.problem.minutes-range", ModuleContent.MIN_MINUTES,
                ModuleContent.MAX_MINUTES);
        minutes.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(range).setMaxErrorMessage(range)
                .setBadInputErrorMessage(range));
        minutes.setValue(content.minutes());
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(title, category, purpose, minutes)) {
            if (field instanceof HasValueChangeMode typed) {
                typed.setValueChangeMode(ValueChangeMode.LAZY);
                typed.setValueChangeTimeout(StepEditor.TYPING_PAUSE_MILLIS);
            }
            field.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    changed.run();
                }
            });
        }
        FormLayout form = getContent();
        form.add(title, category, purpose, minutes);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        form.setColspan(title, 2);
        form.setColspan(purpose, 2);
    }

    /** The module as these fields and the given steps make it. */
    ModuleContent content(List<Step> steps) {
        Integer length = minutes.getValue();
        return new ModuleContent(title.getValue(), category.getValue(), purpose.getValue(),
                length == null ? 0 : length, steps);
    }

    void clearProblems() {
        byName.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    /** Shows the message beside the named field; false when no field here has that name. */
    boolean showProblem(String field, String message) {
        HasValidation shown = byName.get(field);
        if (shown == null) {
            return false;
        }
        shown.setErrorMessage(message);
        shown.setInvalid(true);
        return true;
    }
}
