package org.tandem.couples.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.validation.ConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.tandem.couples.CoupleData;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.LivingTogether;
import org.tandem.couples.PartnerData;
import org.tandem.couples.PartnerEmailTakenException;
import org.tandem.shell.FormConstraints;

/**
 * The form for a couple's partners, relationship facts, presenting concerns and status: the same form
 * creates a couple and edits one. Checks every field as the service will, with the message beside the
 * field; problems that only the server can find (a taken e-mail) are shown the same way.
 */
class CoupleForm extends Composite<Div> {

    private final Binder<Form> binder = new Binder<>();
    private final PartnerFields one = new PartnerFields(1);
    private final PartnerFields two = new PartnerFields(2);
    private final DatePicker togetherSince = new DatePicker();
    private final RadioButtonGroup<LivingTogether> livingTogether = new RadioButtonGroup<>();
    private final MultiSelectComboBox<String> concerns = new MultiSelectComboBox<>();
    private final Select<CoupleStatus> status = new Select<>();
    private final List<String> concernItems = new ArrayList<>();
    /** The field that shows a server's complaint about each property of {@link CoupleData}. */
    private final Map<String, HasValidation> fieldsByProperty = new LinkedHashMap<>();

    /** @param today the clinic's today: a couple cannot have been together since a later date */
    CoupleForm(LocalDate today) {
        bindPartner(one, Form::partnerOne);
        bindPartner(two, Form::partnerTwo);

        togetherSince.setLabel(getTranslation("couple-form.together-since"));
        togetherSince.setId("together-since");
        togetherSince.setMax(today);
        togetherSince.setI18n(new DatePicker.DatePickerI18n()
                .setMaxErrorMessage(getTranslation("couples.validation.together-since-future"))
                .setBadInputErrorMessage(getTranslation("couple-form.error.together-since-invalid")));
        binder.forField(togetherSince)
                .withValidator(date -> date == null || !date.isAfter(today),
                        getTranslation("couples.validation.together-since-future"))
                .bind(form -> form.togetherSince, (form, value) -> form.togetherSince = value);

        livingTogether.setLabel(getTranslation("couple-form.living-together"));
        livingTogether.setId("living-together");
        livingTogether.setItems(LivingTogether.values());
        livingTogether.setItemLabelGenerator(value -> getTranslation("couple-form.living-together." + value.name()));
        binder.forField(livingTogether)
                .bind(form -> form.livingTogether, (form, value) -> form.livingTogether = value);

        concerns.setLabel(getTranslation("couple-form.concerns"));
        concerns.setId("presenting-concerns");
        concerns.setHelperText(getTranslation("couple-form.concerns.helper"));
        concerns.setAllowCustomValue(true);
        concerns.setItems(concernItems);
        concerns.addCustomValueSetListener(event -> addConcern(event.getDetail()));
        binder.forField(concerns)
                .withValidator(tags -> tags.size() <= CoupleData.MAX_CONCERNS,
                        getTranslation("couples.validation.too-many-concerns"))
                .withValidator(tags -> tags.stream().allMatch(tag -> tag.strip().length() <= CoupleData.MAX_CONCERN_LENGTH),
                        getTranslation("couples.validation.concern-too-long"))
                .bind(form -> form.concerns, (form, value) -> form.concerns = new LinkedHashSet<>(value));

        status.setLabel(getTranslation("couple-form.status"));
        status.setId("status");
        status.setItems(CoupleStatus.values());
        status.setItemLabelGenerator(value -> getTranslation("couple.status." + value.name()));
        binder.forField(status)
                .asRequired(getTranslation("couple-form.error.status-required"))
                .bind(form -> form.status, (form, value) -> form.status = value);

        fieldsByProperty.put("togetherSince", togetherSince);
        fieldsByProperty.put("presentingConcerns", concerns);

        FormLayout relationship = formLayout();
        relationship.add(togetherSince, livingTogether, status);
        relationship.add(concerns, 2);
        FieldSet facts = new FieldSet(getTranslation("couple-form.relationship"), relationship);

        Div content = getContent();
        content.add(one.fieldSet(), two.fieldSet(), facts);
        content.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM);
        setData(new CoupleData(new PartnerData("", null, null, null), new PartnerData("", null, null, null), null,
                LivingTogether.UNKNOWN, List.of(), CoupleStatus.INTAKE));
    }

    private void bindPartner(PartnerFields fields, java.util.function.Function<Form, PartnerForm> partner) {
        binder.forField(fields.fullName)
                .withValidator(FormConstraints.of(PartnerData.class, "fullName"))
                .bind(form -> partner.apply(form).fullName, (form, value) -> partner.apply(form).fullName = value);
        binder.forField(fields.preferredName)
                .withValidator(FormConstraints.of(PartnerData.class, "preferredName"))
                .bind(form -> partner.apply(form).preferredName,
                        (form, value) -> partner.apply(form).preferredName = value);
        binder.forField(fields.pronouns)
                .withValidator(FormConstraints.of(PartnerData.class, "pronouns"))
                .bind(form -> partner.apply(form).pronouns, (form, value) -> partner.apply(form).pronouns = value);
        var email = binder.forField(fields.email)
                .withValidator(FormConstraints.of(PartnerData.class, "email"));
        if (fields.position == 2) {
            email = email.withValidator(
                    value -> value.isBlank() || !value.strip().equalsIgnoreCase(one.email.getValue().strip()),
                    getTranslation("couple-form.error.email-same"));
        }
        email.bind(form -> partner.apply(form).email, (form, value) -> partner.apply(form).email = value);
        String prefix = fields.position == 1 ? "partnerOne." : "partnerTwo.";
        fieldsByProperty.put(prefix + "fullName", fields.fullName);
        fieldsByProperty.put(prefix + "preferredName", fields.preferredName);
        fieldsByProperty.put(prefix + "pronouns", fields.pronouns);
        fieldsByProperty.put(prefix + "email", fields.email);
    }

    private void addConcern(String typed) {
        String tag = typed.strip();
        if (tag.isEmpty()) {
            return;
        }
        Set<String> selected = new LinkedHashSet<>(concerns.getValue());
        if (selected.stream().noneMatch(existing -> existing.equalsIgnoreCase(tag))) {
            if (!concernItems.contains(tag)) {
                concernItems.add(tag);
                concerns.getListDataView().refreshAll();
            }
            selected.add(tag);
            concerns.setValue(selected);
        }
    }

    private static FormLayout formLayout() {
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
        return layout;
    }

    /** Fills the form; for a new couple, an empty one with status intake. */
    void setData(CoupleData data) {
        Form form = Form.of(data);
        concernItems.clear();
        concernItems.addAll(form.concerns);
        concerns.getListDataView().refreshAll();
        binder.readBean(form);
    }

    /** The entered couple when every field passes its checks; otherwise empty, with messages beside the fields. */
    Optional<CoupleData> validData() {
        Form form = new Form();
        if (!binder.writeBeanIfValid(form)) {
            // The first complaint may be far above the save button: take the user to it.
            binder.validate().getFieldValidationErrors().stream().findFirst()
                    .map(error -> error.getField())
                    .filter(com.vaadin.flow.component.Focusable.class::isInstance)
                    .ifPresent(field -> ((com.vaadin.flow.component.Focusable<?>) field).focus());
            return Optional.empty();
        }
        return Optional.of(form.toData());
    }

    /** Shows the server's complaints beside the fields they concern. */
    /**
     * Saves this form's data with the given call. A refusal is shown where it belongs (beside the field,
     * or as a notice when the database refused the whole) and yields nothing; nothing was written then.
     */
    <T> Optional<T> save(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (ConstraintViolationException refused) {
            showViolations(refused);
        } catch (PartnerEmailTakenException taken) {
            showEmailTaken(taken.position());
        } catch (DataIntegrityViolationException notSaved) {
            Notification.show(getTranslation("couple-form.error.not-saved"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        return Optional.empty();
    }

    void showViolations(ConstraintViolationException refused) {
        FormConstraints.show(refused, fieldsByProperty);
    }

    /** A partner's e-mail is already used by another partner of the clinic. */
    void showEmailTaken(int position) {
        FormConstraints.show((position == 1 ? one : two).email, getTranslation("couple-form.error.email-taken"));
    }

    /** One partner's fields, in a fieldset of its own so that a screen reader says whose field it is. */
    private final class PartnerFields {
        private final int position;
        private final TextField fullName = new TextField();
        private final TextField preferredName = new TextField();
        private final TextField pronouns = new TextField();
        private final EmailField email = new EmailField();

        PartnerFields(int position) {
            this.position = position;
            String prefix = "partner-" + position + "-";
            fullName.setLabel(getTranslation("couple-form.full-name"));
            fullName.setId(prefix + "full-name");
            fullName.setRequiredIndicatorVisible(true);
            preferredName.setLabel(getTranslation("couple-form.preferred-name"));
            preferredName.setId(prefix + "preferred-name");
            preferredName.setHelperText(getTranslation("couple-form.preferred-name.helper"));
            pronouns.setLabel(getTranslation("couple-form.pronouns"));
            pronouns.setId(prefix + "pronouns");
            pronouns.setHelperText(getTranslation("couple-form.pronouns.helper"));
            email.setLabel(getTranslation("couple-form.email"));
            email.setId(prefix + "email");
            email.setHelperText(getTranslation("couple-form.email.helper"));
            email.setI18n(new EmailField.EmailFieldI18n()
                    .setPatternErrorMessage(getTranslation("couples.validation.email-invalid")));
        }

        FieldSet fieldSet() {
            FormLayout layout = formLayout();
            layout.add(fullName, preferredName, pronouns, email);
            return new FieldSet(getTranslation(position == 1 ? "couple-form.partner-one" : "couple-form.partner-two"),
                    layout);
        }
    }

    /** One partner while the form is being filled in. */
    private static final class PartnerForm {
        private String fullName = "";
        private String preferredName = "";
        private String pronouns = "";
        private String email = "";

        static PartnerForm of(PartnerData data) {
            PartnerForm form = new PartnerForm();
            form.fullName = data.fullName();
            form.preferredName = orEmpty(data.preferredName());
            form.pronouns = orEmpty(data.pronouns());
            form.email = orEmpty(data.email());
            return form;
        }

        PartnerData toData() {
            return new PartnerData(fullName, preferredName, pronouns, email);
        }
    }

    /** What the form holds while it is being filled in. */
    private static final class Form {
        private PartnerForm partnerOne = new PartnerForm();
        private PartnerForm partnerTwo = new PartnerForm();
        private @Nullable LocalDate togetherSince;
        private LivingTogether livingTogether = LivingTogether.UNKNOWN;
        private Set<String> concerns = new LinkedHashSet<>();
        private CoupleStatus status = CoupleStatus.INTAKE;

        static PartnerForm partnerOne(Form form) {
            return form.partnerOne;
        }

        static PartnerForm partnerTwo(Form form) {
            return form.partnerTwo;
        }

        static Form of(CoupleData data) {
            Form form = new Form();
            form.partnerOne = PartnerForm.of(data.partnerOne());
            form.partnerTwo = PartnerForm.of(data.partnerTwo());
            form.togetherSince = data.togetherSince();
            form.livingTogether = data.livingTogether();
            form.concerns = new LinkedHashSet<>(data.presentingConcerns());
            form.status = data.status();
            return form;
        }

        CoupleData toData() {
            return new CoupleData(partnerOne.toData(), partnerTwo.toData(), togetherSince, livingTogether,
                    List.copyOf(concerns), status);
        }
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
