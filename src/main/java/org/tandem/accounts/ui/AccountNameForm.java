package org.tandem.accounts.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.BeanValidator;
import jakarta.validation.ConstraintViolationException;
import org.tandem.accounts.AccountName;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.MyAccount;

/** The name the person is shown by; a save over someone else's is reported by the global handler. */
class AccountNameForm extends Composite<Div> {

    private final AccountService accounts;
    private int version;

    AccountNameForm(AccountService accounts, MyAccount me) {
        this.accounts = accounts;
        this.version = me.version();

        TextField name = new TextField(getTranslation("account.name"));
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        Binder<Form> binder = new Binder<>();
        // The record's own constraints (docs/decisions/016); accounts may not use the shell's FormConstraints, which
        // stands above it, so Vaadin's BeanValidator directly (@NotBlank already treats a blank name as none).
        binder.forField(name).withValidator(new BeanValidator(AccountName.class, "displayName"))
                .bind(Form::displayName, Form::displayName);
        binder.setBean(new Form(me.displayName()));

        Button save = new Button(getTranslation("account.name.save"), click -> {
            if (binder.validate().isOk()) {
                save(binder.getBean(), name);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getContent().add(new H3(getTranslation("account.name.title")), name, save);
    }

    private void save(Form form, TextField name) {
        MyAccount saved;
        try {
            saved = accounts.rename(new AccountName(form.displayName()), version);
        } catch (ConstraintViolationException refused) {
            name.setErrorMessage(refused.getConstraintViolations().iterator().next().getMessage());
            name.setInvalid(true);
            return;
        }
        version = saved.version();
        Notification.show(getTranslation("account.name.saved"), 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** What the form holds while it is being filled in. */
    static final class Form {
        private String displayName;

        Form(String displayName) {
            this.displayName = displayName;
        }

        String displayName() { return displayName; }
        void displayName(String value) { displayName = value; }
    }
}
