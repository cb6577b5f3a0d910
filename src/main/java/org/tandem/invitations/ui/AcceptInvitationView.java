package org.tandem.invitations.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Instant;
import org.tandem.clinic.ClinicTime;
import org.tandem.accounts.ui.AccountRoutes;
import org.tandem.accounts.ui.PasswordMessages;
import org.tandem.workbook.ui.WorkbookRoutes;
import org.tandem.invitations.AcceptedInvitation;
import org.tandem.invitations.InvitationPreview;
import org.tandem.invitations.InvitationRefusedException;
import org.tandem.invitations.InvitationService;
import org.tandem.accounts.PasswordRejectedException;
import org.tandem.shell.OneClick;

/**
 * Where an invitation link leads: the partner chooses a password and is signed in on My workbook; a staff member
 * invited by the clinic's admin likewise, and lands on their start page.
 * A link that cannot be used says why and shows no form.
 */
@Route(value = InvitationRoutes.ACCEPT, autoLayout = false)
@AnonymousAllowed
class AcceptInvitationView extends Main implements BeforeEnterObserver, HasDynamicTitle {


    private final InvitationService invitations;
    private final InvitationSignIn signIn;
    private final ClinicTime time;

    AcceptInvitationView(InvitationService invitations, InvitationSignIn signIn, ClinicTime time) {
        this.invitations = invitations;
        this.signIn = signIn;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.STRETCH,
                LumoUtility.Padding.LARGE, LumoUtility.Gap.MEDIUM, LumoUtility.MaxWidth.SCREEN_SMALL,
                LumoUtility.Margin.Horizontal.AUTO, LumoUtility.BoxSizing.BORDER);
        this.time = time;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getRouteParameters().get(InvitationRoutes.TOKEN).orElse("");
        try {
            showForm(token, invitations.preview(token));
        } catch (InvitationRefusedException refused) {
            showRefusal(refused.reason());
        }
    }

    private void showRefusal(InvitationRefusedException.Reason reason) {
        H1 title = new H1(getTranslation("invitations.refused.title"));
        title.addClassNames(LumoUtility.FontSize.XXLARGE);
        Paragraph why = new Paragraph(getTranslation("invitations.refused." + reason.name()));
        why.getElement().setAttribute("role", "alert");
        add(title, why);
        // The clinic was told and will get in touch: a new link would meet the same address.
        if (reason != InvitationRefusedException.Reason.NEEDS_CLINIC) {
            add(new Paragraph(getTranslation("invitations.refused.what-to-do")));
        }
        add(new Anchor(AccountRoutes.LOGIN, getTranslation("invitations.refused.sign-in")));
    }

    private void showForm(String token, InvitationPreview invitation) {
        H1 title = new H1(getTranslation("invitations.accept.title", invitation.firstName()));
        title.addClassNames(LumoUtility.FontSize.XXLARGE);
        Paragraph intro = new Paragraph(getTranslation("invitations.accept.intro", invitation.clinicName()));
        Paragraph expires = new Paragraph(getTranslation("invitations.accept.expires", format(invitation.clinicId(), invitation.expiresAt())));
        expires.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);

        NewPasswordFields password = new NewPasswordFields(invitation.personalWords());

        Button submit = new Button(getTranslation("invitations.accept.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        OneClick.on(submit, () -> {
            if (password.validate()) {
                accept(token, password);
            }
        });

        add(title, intro, password, submit, expires);
    }

    private void accept(String token, NewPasswordFields password) {
        AcceptedInvitation accepted;
        try {
            accepted = invitations.accept(token, password.value());
        } catch (PasswordRejectedException rejected) {
            password.refuse(rejected.check());
            return;
        } catch (InvitationRefusedException refused) {
            removeAll();
            showRefusal(refused.reason());
            return;
        } catch (RuntimeException failed) {
            Notification.show(getTranslation("invitations.accept.error.failed"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            throw failed;
        }
        signIn.signIn(accepted.email(), password.value());
        // A full page load, so that the new session and its security context apply to everything that follows.
        // Staff go to the start page ("./": the application's root against the page's base), which sends each role on.
        UI.getCurrent().getPage().setLocation(accepted.staff() ? "./" + AccountRoutes.HOME : WorkbookRoutes.MY_WORKBOOK);
    }

    private String format(long clinicId, Instant instant) {
        return time.format(clinicId, getLocale()).longDateTime(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invitations.accept.page-title");
    }
}
