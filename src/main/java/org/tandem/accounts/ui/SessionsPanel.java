package org.tandem.accounts.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.ClinicTimes;
import org.tandem.accounts.MyAccount;
import org.tandem.accounts.OpenSession;
import org.tandem.accounts.Reauthentication;

/**
 * The person's open sessions (this browser marked, the others each with "End"), and "sign out everywhere": every
 * session of the account ends, on other devices at their next request, here at once.
 */
class SessionsPanel extends Composite<Div> {

    private final AccountService accounts;
    private final Reauthentication reauthentication;
    private final ClinicTimes times;
    private final Div list = new Div();

    SessionsPanel(AccountService accounts, Reauthentication reauthentication, MyAccount me,
            AuthenticationContext authentication, ClinicTimes times) {
        this.accounts = accounts;
        this.reauthentication = reauthentication;
        this.times = times;
        Paragraph what = new Paragraph(getTranslation("account.sessions.note"));
        Button everywhere = new Button(getTranslation("account.sessions.sign-out-everywhere"), click -> {
            accounts.endSessions(me.accountId());
            authentication.logout();
        });
        everywhere.addThemeVariants(ButtonVariant.LUMO_ERROR);
        list.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        getContent().add(new H3(getTranslation("account.sessions.title")), list, what, everywhere);
        getContent().addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.START);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<OpenSession> sessions = accounts.mySessions();
        sessions.forEach(session -> list.add(row(session)));
        if (sessions.stream().allMatch(OpenSession::current)) {
            Paragraph none = new Paragraph(getTranslation("account.sessions.only-this"));
            none.addClassNames(LumoUtility.TextColor.SECONDARY);
            list.add(none);
        }
    }

    private SessionRow row(OpenSession session) {
        SessionRow row = new SessionRow(session, times);
        if (!session.current()) {
            // Ending another device's session asks for the passphrase when it is stale (ASVS 7.5.2).
            Button end = new Button(getTranslation("account.sessions.end"),
                    click -> ReauthenticationDialog.ensure(reauthentication, () -> end(session)));
            end.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            row.with(end);
        }
        return row;
    }

    private void end(OpenSession session) {
        String done;
        try {
            accounts.endSession(session.publicId());
            done = "account.sessions.ended";
        } catch (AccessDeniedException alreadyEnded) {
            // It signed out, idled out or was ended from elsewhere since the list was shown.
            done = "account.sessions.already-ended";
        }
        refresh();
        Notification.show(getTranslation(done), 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
