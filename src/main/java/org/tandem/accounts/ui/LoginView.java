package org.tandem.accounts.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Optional;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.SessionEndedNote;

@Route(value = AccountRoutes.LOGIN, autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {


    private final AccountService accounts;
    private final AuthenticationContext authentication;
    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n;
    private final Paragraph idleNote = new Paragraph();
    private final Paragraph endedNote = new Paragraph();
    private final Paragraph expiredNote = new Paragraph();

    LoginView(AccountService accounts, AuthenticationContext authentication) {
        this.accounts = accounts;
        this.authentication = authentication;

        i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.email"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot-password"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        form.setI18n(i18n);
        form.setAction(AccountRoutes.LOGIN);
        form.addForgotPasswordListener(forgot -> form.getUI()
                .ifPresent(ui -> ui.navigate(AccountRoutes.FORGOT_PASSWORD)));

        H1 name = new H1(getTranslation("app.name"));
        name.addClassNames(LumoUtility.FontSize.XXXLARGE, LumoUtility.Margin.Bottom.NONE);
        Paragraph tagline = new Paragraph(getTranslation("app.tagline"));
        tagline.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Top.XSMALL);

        note(idleNote, getTranslation("login.signed-out-idle"));
        note(endedNote, getTranslation("login.signed-out-ended"));
        note(expiredNote, getTranslation("login.signed-out-lifetime", accounts.maxSessionLifetime().toHours()));

        add(name, tagline, idleNote, endedNote, expiredNote, form);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.CENTER,
                LumoUtility.JustifyContent.CENTER, LumoUtility.Padding.LARGE, LumoUtility.Height.FULL,
                LumoUtility.BoxSizing.BORDER);
    }

    /** Why the person was signed out, hidden until the page's address or the browser's note says so. */
    private static void note(Paragraph note, String text) {
        note.setText(text);
        note.addClassNames(LumoUtility.Background.CONTRAST_5, LumoUtility.Padding.MEDIUM,
                LumoUtility.BorderRadius.MEDIUM);
        note.getElement().setAttribute("role", "status");
        note.setVisible(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo(AccountRoutes.HOME);
            return;
        }
        if (!accounts.anyAccountExists()) {
            event.forwardTo(AccountRoutes.SETUP);
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean error = parameters.containsKey("error");
        if (parameters.containsKey("locked")) {
            // The same words whether or not an account has the e-mail: the lock is the e-mail's, not an account's.
            i18n.getErrorMessage().setTitle(getTranslation("login.locked.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.locked.message",
                    accounts.signInLockOut().toMinutes()));
            form.setI18n(i18n);
        }
        form.setError(error);
        VaadinSession session = VaadinSession.getCurrent();
        Optional<SessionEndedNote.Kind> note = session == null ? Optional.empty()
                : SessionEndedNote.take(session.getSession());
        boolean expired = parameters.containsKey("expired") || note.filter(SessionEndedNote.Kind.LIFETIME::equals)
                .isPresent();
        boolean ended = !expired && (parameters.containsKey("ended") || note.isPresent());
        expiredNote.setVisible(expired && !error);
        endedNote.setVisible(ended && !error);
        idleNote.setVisible(parameters.containsKey("idle") && !ended && !expired && !error);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }
}
