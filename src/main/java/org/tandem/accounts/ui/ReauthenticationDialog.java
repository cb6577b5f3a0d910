package org.tandem.accounts.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import org.tandem.accounts.Reauthentication;
import org.tandem.accounts.ReauthenticationRequiredException;
import org.tandem.accounts.RefusedException;

/**
 * Asks for the signed-in person's passphrase again before a sensitive act (changing roles, resetting someone's second
 * factor, exporting the audit log) when it was last given more than 5 minutes ago, then does the act. A wrong
 * passphrase, or the throttle's lock-out, is said beside the field. The services refuse the act on their own too
 * (docs/decisions/023-sign-in-security.md): this dialog is how a view gets past that refusal, not the check.
 */
public final class ReauthenticationDialog extends Dialog {

    private final Reauthentication reauthentication;
    private final Runnable action;
    private final PasswordField passphrase = new PasswordField();

    private ReauthenticationDialog(Reauthentication reauthentication, Runnable action) {
        this.reauthentication = reauthentication;
        this.action = action;
        setHeaderTitle(getTranslation("reauthentication.title"));
        passphrase.setLabel(getTranslation("reauthentication.passphrase"));
        passphrase.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        passphrase.setAutofocus(true);
        passphrase.setRequiredIndicatorVisible(true);
        passphrase.setWidthFull();
        add(new Paragraph(getTranslation("reauthentication.intro", reauthentication.maxAge().toMinutes())), passphrase);
        Button confirm = new Button(getTranslation("reauthentication.confirm"), click -> confirm());
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        Button cancel = new Button(getTranslation("reauthentication.cancel"), click -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, confirm);
        setWidth("28rem");
    }

    /**
     * Does {@code action} now when the passphrase is fresh, or after the person has given it again in this dialog.
     * An action refused because the passphrase went stale meanwhile asks for it too.
     */
    public static void ensure(Reauthentication reauthentication, Runnable action) {
        if (!reauthentication.fresh()) {
            new ReauthenticationDialog(reauthentication, action).open();
            return;
        }
        try {
            action.run();
        } catch (ReauthenticationRequiredException wentStale) {
            new ReauthenticationDialog(reauthentication, action).open();
        }
    }

    private void confirm() {
        if (passphrase.getValue().isEmpty()) {
            showBeside(getTranslation("reauthentication.error.blank"));
            return;
        }
        try {
            reauthentication.confirm(passphrase.getValue());
        } catch (RefusedException refused) {
            passphrase.clear();
            showBeside(getTranslation(refused.messageKey(), refused.args()));
            return;
        }
        close();
        action.run();
    }

    private void showBeside(String message) {
        passphrase.setErrorMessage(message);
        passphrase.setInvalid(true);
    }
}
