package org.tandem.clinic.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.NewAccount;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.ui.AccountRoutes;
import org.tandem.clinic.ClinicService;
import org.tandem.clinic.ClinicSetup;
import org.tandem.clinic.ClinicTime;
import org.tandem.shell.FormConstraints;
import org.tandem.shell.OneClick;

/** First run on an empty database without the demo: creates the clinic and its first admin. */
@Route(value = AccountRoutes.SETUP, autoLayout = false)
@AnonymousAllowed
class SetupView extends Main implements BeforeEnterObserver, HasDynamicTitle {


    private final ClinicService clinics;
    private final AccountService accounts;
    private final Binder<Form> binder = new Binder<>();
    private final EmailField email = new EmailField();
    private final TextField code = new TextField();

    SetupView(ClinicService clinics, AccountService accounts, ClinicTime time) {
        this.clinics = clinics;
        this.accounts = accounts;
        TimeZoneField timeZone = new TimeZoneField(getTranslation("clinic.settings.time-zone"), time.installationZone(),
                time.now());
        timeZone.setHelperText(getTranslation("setup.time-zone.help"));

        code.setLabel(getTranslation("setup.code"));
        code.setHelperText(getTranslation("setup.code.help"));
        code.setRequiredIndicatorVisible(true);
        binder.forField(code).asRequired(getTranslation("setup.error.code-required")).bind(Form::code, Form::code);
        TextField clinicName = new TextField(getTranslation("setup.clinic-name"));
        TextField adminName = new TextField(getTranslation("setup.admin-name"));
        email.setLabel(getTranslation("setup.admin-email"));
        email.setI18n(new EmailField.EmailFieldI18n()
                .setPatternErrorMessage(getTranslation("accounts.validation.email-invalid"))
                .setRequiredErrorMessage(getTranslation("setup.error.email-required")));
        PasswordField password = new PasswordField(getTranslation("setup.password"));
        password.setHelperText(getTranslation("setup.password.helper"));
        PasswordField confirm = new PasswordField(getTranslation("setup.password-confirm"));
        for (var field : new com.vaadin.flow.component.textfield.TextFieldBase<?, ?>[] {clinicName, adminName, email,
                password, confirm}) {
            field.setRequiredIndicatorVisible(true);
        }

        binder.forField(clinicName)
                .withValidator(FormConstraints.of(ClinicSetup.class, "clinicName"))
                .bind(Form::clinicName, Form::clinicName);
        binder.forField(timeZone).withValidator(FormConstraints.of(ClinicSetup.class, "timeZone"))
                .bind(Form::timeZone, Form::timeZone);
        binder.forField(adminName)
                .asRequired(getTranslation("setup.error.admin-name-required"))
                .withValidator(FormConstraints.of(NewAccount.class, "displayName"))
                .bind(Form::adminName, Form::adminName);
        binder.forField(email)
                .asRequired(getTranslation("setup.error.email-required"))
                .withValidator(FormConstraints.of(NewAccount.class, "email"))
                .bind(Form::email, Form::email);
        binder.forField(password)
                .asRequired(getTranslation("setup.error.password-length"))
                .withValidator(FormConstraints.of(NewAccount.class, "password"))
                .bind(Form::password, Form::password);
        binder.forField(confirm)
                .withValidator(value -> value.equals(password.getValue()), getTranslation("setup.error.password-mismatch"))
                .bind(Form::confirm, Form::confirm);
        binder.setBean(new Form());

        Button create = OneClick.on(new Button(getTranslation("setup.submit")), this::create);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(com.vaadin.flow.component.Key.ENTER);

        FormLayout form = new FormLayout(code, clinicName, timeZone, adminName, email, password, confirm);
        form.setMaxWidth("32rem");
        H1 title = new H1(getTranslation("setup.title"));
        add(title, new Paragraph(getTranslation("setup.intro")), form, create);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.START,
                LumoUtility.Padding.LARGE, LumoUtility.Gap.MEDIUM, LumoUtility.MaxWidth.SCREEN_SMALL,
                LumoUtility.Margin.Horizontal.AUTO);
    }

    private void create() {
        Form form = binder.getBean();
        if (!binder.validate().isOk()) {
            return;
        }
        if (accounts.emailTaken(form.email)) {
            email.setErrorMessage(getTranslation("setup.error.email-taken"));
            email.setInvalid(true);
            return;
        }
        try {
            clinics.setUp(form.code, new ClinicSetup(form.clinicName, form.timeZone),
                    new NewAccount(form.adminName, form.email, form.password));
        } catch (RefusedException refused) {
            if (refused.messageKey().startsWith("setup.error.code-")) {
                code.setErrorMessage(getTranslation(refused.messageKey(), refused.args()));
                code.setInvalid(true);
                return;
            }
            Notification.show(getTranslation(refused.messageKey()), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            getUI().ifPresent(ui -> ui.navigate(AccountRoutes.LOGIN));
            return;
        }
        Notification.show(getTranslation("setup.done"), 8000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> ui.navigate(AccountRoutes.LOGIN));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (clinics.isSetUp()) {
            event.forwardTo(AccountRoutes.LOGIN);
        } else {
            clinics.setupPageOpened();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("setup.page-title");
    }

    /** What the form holds while it is being filled in. */
    static final class Form {
        private String code = "";
        private String clinicName = "";
        private @Nullable String timeZone;
        private String adminName = "";
        private String email = "";
        private String password = "";
        private String confirm = "";

        String code() { return code; }
        void code(String value) { code = value; }
        String clinicName() { return clinicName; }
        void clinicName(String value) { clinicName = value; }
        @Nullable String timeZone() { return timeZone; }
        void timeZone(@Nullable String value) { timeZone = value; }
        String adminName() { return adminName; }
        void adminName(String value) { adminName = value; }
        String email() { return email; }
        void email(String value) { email = value; }
        String password() { return password; }
        void password(String value) { password = value; }
        String confirm() { return confirm; }
        void confirm(String value) { confirm = value; }
    }

}
