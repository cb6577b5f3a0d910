package org.tandem.accounts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import org.tandem.accounts.PasswordCheck;
import org.tandem.accounts.PasswordPolicy;

/**
 * The words for the passphrase policy's verdicts and the field a new passphrase is chosen in, the same wherever one
 * is chosen (accepting an invitation, the Account page).
 */
public final class PasswordMessages {

    private PasswordMessages() {}

    /** A field for choosing a new passphrase under the policy. */
    public static PasswordField newPassphraseField(String label, String helper) {
        PasswordField field = new PasswordField(label);
        field.setHelperText(helper);
        field.setRequiredIndicatorVisible(true);
        field.setMaxLength(PasswordPolicy.MAX_LENGTH * 2); // code points, not UTF-16 units, are what counts
        field.setAutocomplete(Autocomplete.NEW_PASSWORD);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        return field;
    }

    /** Checks a field's value against the policy, with the policy's own words. */
    public static Validator<String> policy(Component in, List<String> personalWords) {
        return (value, context) -> {
            PasswordCheck check = PasswordPolicy.check(value, personalWords);
            return check.acceptable() ? ValidationResult.ok() : ValidationResult.error(message(in, check));
        };
    }

    /** Why a passphrase was refused; empty when it was not. */
    public static String message(Component in, PasswordCheck check) {
        PasswordCheck.Problem problem = check.problem();
        if (problem == null) {
            return "";
        }
        return switch (problem) {
            case TOO_SHORT -> in.getTranslation("invitations.accept.error.password-too-short");
            case TOO_LONG -> in.getTranslation("invitations.accept.error.password-too-long");
            case TOO_EASY_TO_GUESS -> check.warningKey() == null
                    ? in.getTranslation("invitations.accept.error.password-guessable")
                    : in.getTranslation("invitations.accept.error.password-guessable-because",
                            in.getTranslation(check.warningKey()));
        };
    }

    /** "Strength: …" while a passphrase is being typed; empty for an empty field. */
    public static String strength(Component in, String value, List<String> personalWords) {
        if (value.isEmpty()) {
            return "";
        }
        PasswordCheck check = PasswordPolicy.check(value, personalWords);
        int score = check.problem() == PasswordCheck.Problem.TOO_SHORT ? 0 : check.score();
        return in.getTranslation("invitations.accept.strength",
                in.getTranslation("invitations.accept.strength." + score));
    }
}
