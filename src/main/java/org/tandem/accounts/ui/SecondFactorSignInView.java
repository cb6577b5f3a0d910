package org.tandem.accounts.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import org.tandem.accounts.PartialSignIn;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.SecondFactorService;

/**
 * The sign-in's second step: after the passphrase, the code of the person's authenticator app or one of their
 * recovery codes. Until it is given the sign-in has no role; this page and signing out are all it can reach.
 */
@Route(value = AccountRoutes.SECOND_FACTOR_CODE, autoLayout = false)
@PermitAll
class SecondFactorSignInView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final SecondFactorService secondFactor;
    private final TextField code = new TextField();

    SecondFactorSignInView(SecondFactorService secondFactor, AuthenticationContext authentication) {
        this.secondFactor = secondFactor;

        H1 name = new H1(getTranslation("app.name"));
        name.addClassNames(LumoUtility.FontSize.XXXLARGE, LumoUtility.Margin.Bottom.NONE);
        code.setLabel(getTranslation("second-factor.sign-in.code"));
        code.setHelperText(getTranslation("second-factor.sign-in.code.help"));
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setAutofocus(true);
        code.setRequiredIndicatorVisible(true);
        code.setMaxLength(20);
        code.setWidth("20rem");
        Button submit = new Button(getTranslation("second-factor.sign-in.submit"), click -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        Button signOut = new Button(getTranslation("second-factor.sign-out"), click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        add(name, new H2(getTranslation("second-factor.sign-in.title")),
                new Paragraph(getTranslation("second-factor.sign-in.intro")), code, submit, signOut);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.CENTER,
                LumoUtility.JustifyContent.CENTER, LumoUtility.Padding.LARGE, LumoUtility.Gap.MEDIUM,
                LumoUtility.Height.FULL, LumoUtility.BoxSizing.BORDER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!secondFactor.pendingStep().map(step -> step == PartialSignIn.Step.CODE).orElse(false)) {
            event.forwardTo(AccountRoutes.HOME);
        }
    }

    private void submit() {
        if (code.getValue().isBlank()) {
            code.setErrorMessage(getTranslation("second-factor.error.code-required"));
            code.setInvalid(true);
            return;
        }
        try {
            secondFactor.signIn(code.getValue());
        } catch (RefusedException refused) {
            code.clear();
            code.setErrorMessage(getTranslation(refused.messageKey(), refused.args()));
            code.setInvalid(true);
            return;
        }
        getUI().ifPresent(ui -> ui.navigate(AccountRoutes.HOME));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("second-factor.sign-in.page-title");
    }
}
