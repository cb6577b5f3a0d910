package org.tandem.accounts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.tandem.accounts.Enrolment;
import org.tandem.accounts.PartialSignIn;
import org.tandem.accounts.Reauthentication;
import org.tandem.accounts.ReauthenticationRequiredException;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.SecondFactorService;
import org.tandem.accounts.SecondFactorStatus;

/**
 * Everyone's second factor: set one up (scan the QR code or type the key, confirm with a code, keep the ten recovery
 * codes shown once), get new recovery codes, or remove it (passphrase or a current code required; not while the
 * clinic requires a second factor of its staff). Staff of such a clinic who have none land here right after signing
 * in and can go nowhere else until they have enrolled.
 */
@Route(AccountRoutes.SECOND_FACTOR)
@PermitAll
class SecondFactorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final SecondFactorService secondFactor;
    private final AuthenticationContext authentication;
    private final Reauthentication reauthentication;
    private final Div content = new Div();

    SecondFactorView(SecondFactorService secondFactor, AuthenticationContext authentication,
            Reauthentication reauthentication) {
        this.secondFactor = secondFactor;
        this.authentication = authentication;
        this.reauthentication = reauthentication;
        content.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.AlignItems.START);
        add(new H2(getTranslation("second-factor.title")), content);
        addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.MaxWidth.SCREEN_MEDIUM);
    }

    /** Drawn on every visit, so that coming back after enrolling (or removing) shows the state as it now is. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean mustEnrol = secondFactor.pendingStep().map(step -> step == PartialSignIn.Step.ENROL).orElse(false);
        if (mustEnrol) {
            showEnrolment(true);
            return;
        }
        SecondFactorStatus status = secondFactor.status();
        if (status.enrolled()) {
            showEnrolled(status);
        } else {
            showEnrolment(false);
        }
    }

    private void showEnrolment(boolean requiredNow) {
        Enrolment enrolment;
        try {
            enrolment = secondFactor.startEnrolment();
        } catch (ReauthenticationRequiredException stale) {
            // A new authenticator is bound only after the passphrase was given within the last few minutes.
            Button start = new Button(getTranslation("second-factor.enrol.start"),
                    click -> ReauthenticationDialog.ensure(reauthentication, () -> showEnrolment(false)));
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            content.removeAll();
            content.add(new Paragraph(getTranslation("second-factor.enrol.intro")), start);
            return;
        }
        TextField code = new TextField(getTranslation("second-factor.enrol.code"));
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setRequiredIndicatorVisible(true);
        code.setMaxLength(6);
        Button confirm = new Button(getTranslation("second-factor.enrol.confirm"), click -> confirm(code));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Span key = new Span(enrolment.typedKey());
        key.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.LARGE);
        content.removeAll();
        if (requiredNow) {
            content.add(new Paragraph(getTranslation("second-factor.enrol.required")));
        }
        content.add(new Paragraph(getTranslation("second-factor.enrol.intro")),
                new H3(getTranslation("second-factor.enrol.scan")),
                QrCode.image(enrolment.uri(), getTranslation("second-factor.enrol.qr-alt")),
                new Paragraph(getTranslation("second-factor.enrol.type")), key,
                new H3(getTranslation("second-factor.enrol.check")), row(code, confirm));
        if (requiredNow) {
            content.add(signOut());
        }
    }

    private void confirm(TextField code) {
        List<String> codes;
        try {
            codes = secondFactor.confirmEnrolment(code.getValue());
        } catch (RefusedException refused) {
            refuse(code, refused);
            return;
        }
        showRecoveryCodes(codes, "second-factor.enrolled");
    }

    private void showRecoveryCodes(List<String> codes, String headingKey) {
        UnorderedList list = new UnorderedList();
        codes.forEach(recoveryCode -> list.add(new ListItem(recoveryCode)));
        list.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Button done = new Button(getTranslation("second-factor.codes.done"),
                click -> getUI().ifPresent(ui -> ui.navigate(AccountRoutes.HOME)));
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.removeAll();
        content.add(new H3(getTranslation(headingKey)), new Paragraph(getTranslation("second-factor.codes.intro")),
                list, done);
    }

    private void showEnrolled(SecondFactorStatus status) {
        PasswordField proof = new PasswordField(getTranslation("second-factor.proof"));
        proof.setHelperText(getTranslation("second-factor.proof.help"));
        proof.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        Button regenerate = new Button(getTranslation("second-factor.codes.regenerate"), click -> regenerate(proof));
        content.removeAll();
        content.add(new Paragraph(getTranslation("second-factor.on")),
                new Paragraph(getTranslation("second-factor.codes.left", status.recoveryCodesLeft())), proof);
        if (status.removable()) {
            Button remove = new Button(getTranslation("second-factor.remove"), click -> remove(proof));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            content.add(row(regenerate, remove));
        } else {
            content.add(regenerate, new Paragraph(getTranslation("second-factor.remove.required")));
        }
    }

    private void regenerate(PasswordField proof) {
        try {
            showRecoveryCodes(secondFactor.regenerateRecoveryCodes(proof.getValue()), "second-factor.codes.new");
        } catch (RefusedException refused) {
            refuse(proof, refused);
        }
    }

    private void remove(PasswordField proof) {
        try {
            secondFactor.remove(proof.getValue());
        } catch (RefusedException refused) {
            refuse(proof, refused);
            return;
        }
        content.removeAll();
        content.add(new Paragraph(getTranslation("second-factor.removed")),
                new Button(getTranslation("second-factor.set-up"), click -> showEnrolment(false)));
    }

    /** The refusal beside the field, which is emptied for the next try. */
    private <F extends HasValue<?, ?> & HasValidation> void refuse(F field, RefusedException refused) {
        field.clear();
        field.setErrorMessage(getTranslation(refused.messageKey(), refused.args()));
        field.setInvalid(true);
    }

    private Button signOut() {
        Button signOut = new Button(getTranslation("second-factor.sign-out"), click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return signOut;
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("second-factor.page-title");
    }
}
