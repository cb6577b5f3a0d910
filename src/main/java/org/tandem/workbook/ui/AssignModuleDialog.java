package org.tandem.workbook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.clinic.ClinicTime;
import org.tandem.shell.FormConstraints;
import org.tandem.workbook.AssignmentData;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.ModuleLibrary;
import org.tandem.workbook.ModuleSummary;
import org.tandem.workbook.WorkbookService;
import org.tandem.shell.OneClick;

/**
 * Assigns a published module of the library to one couple: due date, a note to the couple, and whether
 * the partners answer on their own or together. The fields are checked against {@link AssignmentData}'s
 * own constraints, and whatever the service still refuses is shown beside its field; the service assigns
 * in one transaction, so a refusal leaves nothing behind.
 *
 * <p>Opened from the couple's Workbook tab, and with a module already chosen wherever Tandem suggests one.
 */
public class AssignModuleDialog extends Dialog {

    static final int MAX_NOTE = 2000;

    private final long coupleId;
    private final WorkbookService workbook;
    private final LongConsumer assigned;
    private final ComboBox<ModuleSummary> module = new ComboBox<>();
    private final DatePicker dueOn = new DatePicker();
    private final TextArea note = new TextArea();
    private final RadioButtonGroup<AssignmentMode> mode = new RadioButtonGroup<>();
    private final Anchor preview = new Anchor();
    private final Binder<Form> binder = new Binder<>();

    /**
     * @param moduleId the module to start with (a suggestion), or null to let the therapist choose
     * @param assigned called with the new assignment's id once it is assigned (the dialog has closed then)
     */
    public AssignModuleDialog(long coupleId, WorkbookService workbook, ModuleLibrary library, ClinicTime time,
            @Nullable Long moduleId, LongConsumer assigned) {
        this.coupleId = coupleId;
        this.workbook = workbook;
        this.assigned = assigned;
        setHeaderTitle(getTranslation("workbook.assign.title"));

        module.setLabel(getTranslation("workbook.assign.module"));
        module.setPlaceholder(getTranslation("workbook.assign.module.placeholder"));
        module.setHelperText(getTranslation("workbook.assign.module.helper"));
        module.setItemLabelGenerator(found -> getTranslation("workbook.assign.module.label", found.title(),
                getTranslation("workbook.category." + found.category().name())));
        module.setItems(query -> library.search(query.getFilter().orElse(""), null).stream()
                .filter(ModuleSummary::published).skip(query.getOffset()).limit(query.getLimit()));
        module.setWidthFull();
        module.addValueChangeListener(change -> showPreview(change.getValue()));
        preview.setText(getTranslation("workbook.assign.preview"));
        preview.setTarget(AnchorTarget.BLANK);
        preview.setVisible(false);

        dueOn.setLabel(getTranslation("workbook.assign.due"));
        dueOn.setHelperText(getTranslation("workbook.assign.due.helper"));
        dueOn.setMin(time.today());
        dueOn.setI18n(new DatePicker.DatePickerI18n()
                .setMinErrorMessage(getTranslation("workbook.assign.due-in-past")));
        dueOn.setClearButtonVisible(true);

        note.setLabel(getTranslation("workbook.assign.note"));
        note.setMaxLength(MAX_NOTE);
        note.setValueChangeMode(ValueChangeMode.LAZY);
        note.addValueChangeListener(change -> countNote());
        note.setWidthFull();
        countNote();

        mode.setLabel(getTranslation("workbook.assign.mode"));
        mode.setItems(AssignmentMode.values());
        mode.setItemLabelGenerator(value -> getTranslation("workbook.assign.mode." + value.name()));

        binder.forField(module).asRequired(getTranslation("workbook.assign.module-required"))
                .bind(Form::module, Form::module);
        // Today in the clinic's zone, from the application's clock (a BeanValidator would read the machine's).
        binder.forField(dueOn).withValidator(date -> date == null || !date.isBefore(time.today()),
                        getTranslation("workbook.assign.due-in-past"))
                .bind(Form::dueOn, Form::dueOn);
        binder.forField(note).withValidator(FormConstraints.of(AssignmentData.class, "note"))
                .bind(Form::note, Form::note);
        binder.forField(mode).withValidator(FormConstraints.of(AssignmentData.class, "mode"))
                .bind(Form::mode, Form::mode);
        Form form = new Form();
        if (moduleId != null) {
            form.module(library.search("", null).stream()
                    .filter(found -> found.moduleId() == moduleId && found.published()).findFirst().orElse(null));
        }
        binder.setBean(form);

        FormLayout fields = new FormLayout(module, preview, dueOn, mode, note);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        fields.setColspan(module, 2);
        fields.setColspan(preview, 2);
        fields.setColspan(note, 2);
        add(fields);
        setMaxWidth("40em");

        Button cancel = new Button(getTranslation("workbook.assign.cancel"), click -> close());
        Button save = OneClick.on(new Button(getTranslation("workbook.assign.save")), this::assign);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }

    private void showPreview(@Nullable ModuleSummary chosen) {
        preview.setVisible(chosen != null);
        if (chosen != null) {
            preview.setHref(WorkbookRoutes.moduleHref(chosen.moduleId()));
        }
    }

    private void countNote() {
        note.setHelperText(getTranslation("workbook.assign.note.counter", note.getValue().length(), MAX_NOTE));
    }

    private void assign() {
        if (!binder.validate().isOk()) {
            return;
        }
        Form form = binder.getBean();
        ModuleSummary chosen = form.module();
        if (chosen == null) {
            return;
        }
        long id;
        try {
            id = workbook.assign(coupleId, chosen.moduleId(), form.toData());
        } catch (ConstraintViolationException refused) {
            FormConstraints.show(refused, Map.of("dueOn", dueOn, "note", note, "mode", mode));
            return;
        } catch (AccessDeniedException notAssignable) {
            FormConstraints.show(module, getTranslation("workbook.assign.refused"));
            return;
        }
        close();
        Notification.show(getTranslation("workbook.assign.done", chosen.title()), 4000,
                        Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        assigned.accept(id);
    }

    /** What the dialog holds while it is being filled in. */
    static final class Form {
        private @Nullable ModuleSummary module;
        private @Nullable LocalDate dueOn;
        private String note = "";
        private @Nullable AssignmentMode mode = AssignmentMode.SEPARATE;

        @Nullable ModuleSummary module() { return module; }
        void module(@Nullable ModuleSummary value) { module = value; }
        @Nullable LocalDate dueOn() { return dueOn; }
        void dueOn(@Nullable LocalDate value) { dueOn = value; }
        String note() { return note; }
        void note(@Nullable String value) { note = value == null ? "" : value; }
        @Nullable AssignmentMode mode() { return mode; }
        void mode(@Nullable AssignmentMode value) { mode = value; }

        /** Called once the binder has validated the form, which refuses a missing mode ({@link AssignmentData}). */
        AssignmentData toData() {
            return new AssignmentData(dueOn, note.isBlank() ? null : note.strip(),
                    Objects.requireNonNull(mode, "the binder refuses a missing mode"));
        }
    }
}
