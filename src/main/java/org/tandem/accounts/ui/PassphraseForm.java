package org.tandem.accounts.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.MyAccount;
import org.tandem.accounts.PasswordRejectedException;
import org.tandem.accounts.RefusedException;

/**
 * Changing the passphrase: the current one, then a new one under the policy. Every other session of the account
 * ends; this one stays.
 */
class PassphraseForm extends Composite<Div> {

    private final AccountService accounts;
    private final PasswordField current = new PasswordField();
    private final PasswordField chosen;
    private final PasswordField confirm = new PasswordField();
    private final Binder<Form> binder = new Binder<>();

    PassphraseForm(AccountService accounts, MyAccount me) {
        this.accounts = accounts;
        current.setLabel(getTranslation("account.passphrase.current"));
        current.setRequiredIndicatorVisible(true);
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        chosen = PasswordMessages.newPassphraseField(getTranslation("account.passphrase.new"),
                getTranslation("invitations.accept.password.helper"));
        confirm.setLabel(getTranslation("account.passphrase.confirm"));
        confirm.setRequiredIndicatorVisible(true);
        confirm.setAutocomplete(Autocomplete.NEW_PASSWORD);
        for (PasswordField field : List.of(current, chosen, confirm)) {
            field.setWidthFull();
        }

        binder.forField(current)
                .withValidator(value -> !value.isEmpty(), getTranslation("account.passphrase.current-required"))
                .bind(Form::current, Form::current);
        binder.forField(chosen).withValidator(PasswordMessages.policy(this, List.of(me.email(), me.displayName())))
                .bind(Form::chosen, Form::chosen);
        binder.forField(confirm)
                .withValidator(value -> value.equals(chosen.getValue()),
                        getTranslation("invitations.accept.error.password-mismatch"))
                .bind(Form::confirm, Form::confirm);
        binder.setBean(new Form());

        Paragraph note = new Paragraph(getTranslation("account.passphrase.note"));
        note.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Button change = new Button(getTranslation("account.passphrase.change"), click -> {
            if (binder.validate().isOk()) {
                change(binder.getBean());
            }
        });
        getContent().add(new H3(getTranslation("account.passphrase.title")), note, current, chosen, confirm, change);
    }

    private void change(Form form) {
        try {
            accounts.changePassword(form.current(), form.chosen());
        } catch (RefusedException wrong) {
            showBeside(current, getTranslation(wrong.messageKey(), wrong.args()));
            return;
        } catch (PasswordRejectedException weak) {
            showBeside(chosen, PasswordMessages.message(this, weak.check()));
            return;
        }
        binder.setBean(new Form());
        Notification.show(getTranslation("account.passphrase.changed"), 6000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void showBeside(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    /** What the form holds while it is being filled in. */
    static final class Form {
        private String current = "";
        private String chosen = "";
        private String confirm = "";

        String current() { return current; }
        void current(String value) { current = value; }
        String chosen() { return chosen; }
        void chosen(String value) { chosen = value; }
        String confirm() { return confirm; }
        void confirm(String value) { confirm = value; }
    }
}
