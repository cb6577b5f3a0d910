package org.tandem.goals.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.tandem.goals.GoalData;
import org.tandem.shell.FormConstraints;
import org.tandem.shell.OneClick;

/**
 * The form that adds a goal, for a partner (for themselves or the couple) and for a therapist (for the couple
 * or either partner). Each field is checked with {@link GoalData}'s own constraints; whatever the service still
 * refuses is shown beside the field it concerns, and nothing is added.
 */
class GoalForm extends Composite<Div> {

    /**
     * One choice of whose goal it is.
     *
     * @param partnerId the owner, null for the couple
     * @param shareLabel the share box's label; null when there is nobody to share with (a couple goal)
     * @param privateHelp who sees the goal when it is not shared
     * @param sharedHelp who sees it when it is
     */
    record Owner(@Nullable Long partnerId, String label, @Nullable String shareLabel, String privateHelp,
            String sharedHelp) {}

    private final RadioButtonGroup<Owner> owner = new RadioButtonGroup<>();
    private final TextField what = new TextField();
    private final TextArea why = new TextArea();
    private final TextArea firstStep = new TextArea();
    private final DatePicker targetOn = new DatePicker();
    private final Checkbox shared = new Checkbox();
    private final Binder<Form> binder = new Binder<>();

    /**
     * @param save adds the goal; throws {@link ConstraintViolationException} when a field is refused
     * @param added runs after a goal was added (and the form emptied)
     */
    GoalForm(List<Owner> owners, Consumer<GoalData> save, Runnable added, LocalDate today) {
        owner.setLabel(getTranslation("goals.form.whose"));
        owner.setItems(owners);
        owner.setItemLabelGenerator(Owner::label);
        owner.addValueChangeListener(change -> showSharing());
        what.setLabel(getTranslation("goals.form.what"));
        what.setHelperText(getTranslation("goals.form.what.helper"));
        what.setRequiredIndicatorVisible(true);
        why.setLabel(getTranslation("goals.form.why"));
        firstStep.setLabel(getTranslation("goals.form.first-step"));
        targetOn.setLabel(getTranslation("goals.form.target"));
        targetOn.setMin(today);
        targetOn.setI18n(new DatePicker.DatePickerI18n()
                .setMinErrorMessage(getTranslation("goals.validation.target-in-the-past")));
        shared.addValueChangeListener(change -> showSharing());

        binder.forField(owner).bind(Form::owner, Form::owner);
        binder.forField(what).withValidator(FormConstraints.of(GoalData.class, "what")).bind(Form::what, Form::what);
        binder.forField(why).withValidator(FormConstraints.of(GoalData.class, "why")).bind(Form::why, Form::why);
        binder.forField(firstStep).withValidator(FormConstraints.of(GoalData.class, "firstStep"))
                .bind(Form::firstStep, Form::firstStep);
        // Today in the clinic's zone, from the application's clock (a BeanValidator would read the machine's).
        binder.forField(targetOn).withValidator(date -> date == null || !date.isBefore(today),
                        getTranslation("goals.validation.target-in-the-past"))
                .bind(Form::targetOn, Form::targetOn);
        binder.forField(shared).bind(Form::shared, Form::shared);
        binder.setBean(new Form(owners.getFirst()));
        showSharing();

        Button add = OneClick.on(new Button(getTranslation("goals.form.add")), () -> submit(save, added));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        layout.add(owner, 2);
        layout.add(what, 2);
        layout.add(why, firstStep, targetOn, shared);
        Div content = getContent();
        content.add(layout, add);
        content.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.START);
        layout.setWidthFull();
    }

    private void showSharing() {
        Owner chosen = owner.getValue();
        shared.setVisible(chosen != null && chosen.shareLabel() != null);
        if (chosen != null) {
            shared.setLabel(chosen.shareLabel() == null ? "" : chosen.shareLabel());
            shared.setHelperText(shared.getValue() ? chosen.sharedHelp() : chosen.privateHelp());
        }
    }

    /** The form in a section titled "Add a goal" that opens and closes, open at first when asked. */
    Details collapsible(boolean opened) {
        H3 title = new H3(getTranslation("goals.form.title"));
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        Details details = new Details(title, this);
        details.setOpened(opened);
        return details;
    }

    private void submit(Consumer<GoalData> save, Runnable added) {
        if (!binder.validate().isOk()) {
            return;
        }
        Form form = binder.getBean();
        try {
            save.accept(form.toData());
        } catch (ConstraintViolationException refused) {
            FormConstraints.show(refused, Map.of("what", what, "why", why, "firstStep", firstStep,
                    "targetOn", targetOn));
            return;
        }
        binder.setBean(new Form(form.owner()));
        Notification.show(getTranslation("goals.added"), 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        added.run();
    }

    /** What the form holds while it is filled in; a new one keeps only whose goal it is. */
    static final class Form {
        private @Nullable Owner owner;
        private String what = "";
        private String why = "";
        private String firstStep = "";
        private @Nullable LocalDate targetOn;
        private boolean shared;

        Form(@Nullable Owner owner) {
            this.owner = owner;
        }

        @Nullable Owner owner() { return owner; }
        void owner(@Nullable Owner value) { owner = value; }
        String what() { return what; }
        void what(@Nullable String value) { what = value == null ? "" : value; }
        String why() { return why; }
        void why(@Nullable String value) { why = value == null ? "" : value; }
        String firstStep() { return firstStep; }
        void firstStep(@Nullable String value) { firstStep = value == null ? "" : value; }
        @Nullable LocalDate targetOn() { return targetOn; }
        void targetOn(@Nullable LocalDate value) { targetOn = value; }
        boolean shared() { return shared; }
        void shared(@Nullable Boolean value) { shared = Boolean.TRUE.equals(value); }

        GoalData toData() {
            return new GoalData(what, why, firstStep, targetOn, owner == null ? null : owner.partnerId(), shared);
        }
    }
}
