package org.tandem.passwordreset.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import org.tandem.accounts.ui.AccountRoutes;
import org.tandem.passwordreset.PasswordResetService;
import org.tandem.passwordreset.ResetRequest;
import org.tandem.passwordreset.ResetRequestAnswer;
import org.tandem.shell.FormConstraints;

/**
 * "Forgot your password?": asks for the e-mail and answers in the same words whether or not it has an account (the
 * service also takes the same time), so the page tells no one whose address is known.
 */
@Route(value = PasswordResetRoutes.FORGOT, autoLayout = false)
@AnonymousAllowed
class ForgotPasswordView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final PasswordResetService resets;

    ForgotPasswordView(PasswordResetService resets) {
        this.resets = resets;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.STRETCH,
                LumoUtility.Padding.LARGE, LumoUtility.Gap.MEDIUM, LumoUtility.MaxWidth.SCREEN_SMALL,
                LumoUtility.Margin.Horizontal.AUTO, LumoUtility.BoxSizing.BORDER);
    }

    /** A fresh form on every visit, also after an answer (the same view is kept when its route is opened again). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Paragraph intro = new Paragraph(getTranslation("password-reset.forgot.intro"));

        EmailField email = new EmailField();
        email.setLabel(getTranslation("login.email"));
        email.setRequiredIndicatorVisible(true);
        email.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.EMAIL);
        email.setI18n(new EmailField.EmailFieldI18n()
                .setPatternErrorMessage(getTranslation("accounts.validation.email-invalid")));
        Binder<Form> binder = new Binder<>();
        binder.forField(email)
                .withValidator(FormConstraints.of(ResetRequest.class, "email"))
                .bind(Form::email, Form::email);
        binder.setBean(new Form());

        Button send = new Button(getTranslation("password-reset.forgot.submit"), click -> send(binder, email));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        send.setDisableOnClick(true);
        send.addClickListener(click -> send.setEnabled(true));

        add(title(), intro, email, send, back());
    }

    private void send(Binder<Form> binder, EmailField email) {
        if (!binder.validate().isOk()) {
            return;
        }
        ResetRequestAnswer answer;
        try {
            answer = resets.request(new ResetRequest(binder.getBean().email()), getLocale());
        } catch (ConstraintViolationException refused) {
            FormConstraints.show(refused, Map.of("email", email));
            return;
        }
        removeAll();
        Paragraph said = new Paragraph(getTranslation("password-reset.forgot.answer." + answer.name()));
        said.getElement().setAttribute("role", "status");
        add(title(), said, back());
    }

    private H1 title() {
        H1 title = new H1(getTranslation("password-reset.forgot.title"));
        title.addClassNames(LumoUtility.FontSize.XXLARGE);
        return title;
    }

    private Anchor back() {
        return new Anchor(AccountRoutes.LOGIN, getTranslation("password-reset.back-to-sign-in"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password-reset.forgot.page-title");
    }

    /** What the form holds while it is being filled in. */
    static final class Form {
        private String email = "";

        String email() { return email; }
        void email(String value) { email = value; }
    }
}
