package org.tandem.accounts.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.MyAccount;

/** "Sign out everywhere": every session of the account ends, on other devices at their next request, here at once. */
class SessionsPanel extends Composite<Div> {

    SessionsPanel(AccountService accounts, MyAccount me, AuthenticationContext authentication) {
        Paragraph what = new Paragraph(getTranslation("account.sessions.note"));
        Button everywhere = new Button(getTranslation("account.sessions.sign-out-everywhere"), click -> {
            accounts.endSessions(me.accountId());
            authentication.logout();
        });
        everywhere.addThemeVariants(ButtonVariant.LUMO_ERROR);
        getContent().add(new H3(getTranslation("account.sessions.title")), what, everywhere);
    }
}
