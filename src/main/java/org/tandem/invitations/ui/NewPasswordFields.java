package org.tandem.invitations.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import org.tandem.accounts.PasswordCheck;
import org.tandem.accounts.ui.PasswordMessages;

/**
 * Choosing a new password under the password policy: the password, a strength line while it is typed, and the
 * password again. The one place of these fields for every page that sets a password (an invitation, a reset link).
 * No red errors while the person is still typing their first attempt; the strength line guides them until
 * {@link #validate()}.
 */
public final class NewPasswordFields extends FormLayout {

    private final PasswordField password;
    private final List<String> personalWords;
    private final Binder<Form> binder = new Binder<>();

    /** @param personalWords what the password must not be built from: the person's e-mail, names, clinic */
    public NewPasswordFields(List<String> personalWords) {
        this.personalWords = List.copyOf(personalWords);
        password = PasswordMessages.newPassphraseField(getTranslation("invitations.accept.password"),
                getTranslation("invitations.accept.password.helper"));
        PasswordField confirm = new PasswordField(getTranslation("invitations.accept.password-confirm"));
        confirm.setRequiredIndicatorVisible(true);
        confirm.setAutocomplete(Autocomplete.NEW_PASSWORD);

        Span strength = new Span();
        strength.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        strength.getElement().setAttribute("aria-live", "polite");
        password.addValueChangeListener(change -> strength.setText(
                PasswordMessages.strength(this, change.getValue(), this.personalWords)));

        binder.forField(password)
                .withValidator(PasswordMessages.policy(this, this.personalWords))
                .bind(Form::password, Form::password);
        binder.forField(confirm)
                .withValidator(value -> value.equals(password.getValue()),
                        getTranslation("invitations.accept.error.password-mismatch"))
                .bind(Form::confirm, Form::confirm);
        binder.setBean(new Form());
        binder.setValidatorsDisabled(true);
        password.addValueChangeListener(change -> {
            if (!confirm.isEmpty() && !binder.isValidatorsDisabled()) {
                binder.validate();
            }
        });

        add(password, strength, confirm);
        setResponsiveSteps(new ResponsiveStep("0", 1));
    }

    /** Checks both fields from now on, showing what is wrong beside each; whether the password may be used. */
    public boolean validate() {
        binder.setValidatorsDisabled(false);
        return binder.validate().isOk();
    }

    /** The chosen password (check {@link #validate()} first). */
    public String value() {
        return binder.getBean().password();
    }

    /** The service refused the password after all: says why beside the field. */
    public void refuse(PasswordCheck check) {
        password.setErrorMessage(PasswordMessages.message(this, check));
        password.setInvalid(true);
    }

    /** What the fields hold while they are being filled in. */
    static final class Form {
        private String password = "";
        private String confirm = "";

        String password() { return password; }
        void password(String value) { password = value; }
        String confirm() { return confirm; }
        void confirm(String value) { confirm = value; }
    }
}
