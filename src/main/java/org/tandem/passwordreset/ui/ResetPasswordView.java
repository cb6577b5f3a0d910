package org.tandem.passwordreset.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.tandem.accounts.ui.AccountRoutes;
import org.tandem.clinic.ClinicTime;
import org.tandem.accounts.PasswordRejectedException;
import org.tandem.invitations.ui.NewPasswordFields;
import org.tandem.passwordreset.PasswordResetService;
import org.tandem.passwordreset.ResetPreview;
import org.tandem.passwordreset.ResetRefusedException;

/**
 * Where a reset link leads: the holder chooses a new password under the policy, then signs in with it as usual (the
 * link does not sign them in, so a second factor still applies). A link that cannot be used says why and shows no
 * form.
 */
@Route(value = PasswordResetRoutes.RESET, autoLayout = false)
@AnonymousAllowed
class ResetPasswordView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final PasswordResetService resets;
    private final ClinicTime time;

    ResetPasswordView(PasswordResetService resets, ClinicTime time) {
        this.resets = resets;
        this.time = time;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.STRETCH,
                LumoUtility.Padding.LARGE, LumoUtility.Gap.MEDIUM, LumoUtility.MaxWidth.SCREEN_SMALL,
                LumoUtility.Margin.Horizontal.AUTO, LumoUtility.BoxSizing.BORDER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getRouteParameters().get(PasswordResetRoutes.TOKEN).orElse("");
        try {
            showForm(token, resets.preview(token));
        } catch (ResetRefusedException refused) {
            showRefusal(refused.reason());
        }
    }

    private void showForm(String token, ResetPreview reset) {
        H1 title = new H1(getTranslation("password-reset.reset.title"));
        title.addClassNames(LumoUtility.FontSize.XXLARGE);
        Paragraph intro = new Paragraph(getTranslation("password-reset.reset.intro", reset.email()));
        Paragraph expires = new Paragraph(getTranslation("password-reset.reset.expires",
                time.format(reset.clinicId(), getLocale()).longDateTime(reset.expiresAt())));
        expires.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        NewPasswordFields password = new NewPasswordFields(reset.personalWords());

        Button submit = new Button(getTranslation("password-reset.reset.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(click -> {
            if (password.validate()) {
                reset(token, password);
            }
        });
        add(title, intro, password, submit, expires);
    }

    private void reset(String token, NewPasswordFields password) {
        try {
            resets.reset(token, password.value());
        } catch (PasswordRejectedException rejected) {
            password.refuse(rejected.check());
            return;
        } catch (ResetRefusedException refused) {
            removeAll();
            showRefusal(refused.reason());
            return;
        }
        removeAll();
        H1 title = new H1(getTranslation("password-reset.done.title"));
        title.addClassNames(LumoUtility.FontSize.XXLARGE);
        Paragraph done = new Paragraph(getTranslation("password-reset.done.text"));
        done.getElement().setAttribute("role", "status");
        add(title, done, new Anchor(AccountRoutes.LOGIN, getTranslation("password-reset.done.sign-in")));
    }

    private void showRefusal(ResetRefusedException.Reason reason) {
        H1 title = new H1(getTranslation("password-reset.refused.title"));
        title.addClassNames(LumoUtility.FontSize.XXLARGE);
        Paragraph why = new Paragraph(getTranslation("password-reset.refused." + reason.name()));
        why.getElement().setAttribute("role", "alert");
        add(title, why, new Anchor(AccountRoutes.FORGOT_PASSWORD, getTranslation("password-reset.refused.again")),
                new Anchor(AccountRoutes.LOGIN, getTranslation("password-reset.back-to-sign-in")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password-reset.reset.page-title");
    }
}
