package org.tandem.accounts.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.ClinicTimes;
import org.tandem.accounts.MyAccount;
import org.tandem.accounts.Reauthentication;
import org.tandem.accounts.Role;
import org.tandem.accounts.SecondFactorService;
import org.tandem.accounts.SecondFactorStatus;

/**
 * Everyone's own account: the name they are shown by, their passphrase, their open sessions and signing out
 * everywhere. Each part is a
 * component of its own (docs/decisions/021); the second factor is a view of its own at {@code account/second-factor},
 * linked from here with its state.
 */
@Route(AccountRoutes.ACCOUNT)
@RolesAllowed({Role.Names.ADMIN, Role.Names.THERAPIST, Role.Names.CLIENT})
@Menu(order = 90, title = "menu.account", icon = "vaadin:user")
class AccountView extends Main implements HasDynamicTitle {

    AccountView(AccountService accounts, SecondFactorService secondFactors, Reauthentication reauthentication,
            AuthenticationContext authentication, ClinicTimes times) {
        MyAccount me = accounts.myAccount();
        H2 title = new H2(getTranslation("account.title"));
        Paragraph email = new Paragraph(getTranslation("account.email", me.email()));
        email.addClassNames(LumoUtility.TextColor.SECONDARY);

        add(title, email, new AccountNameForm(accounts, me), new PassphraseForm(accounts, me),
                secondFactor(secondFactors.status()),
                new SessionsPanel(accounts, reauthentication, me, authentication, times));
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.LARGE, LumoUtility.MaxWidth.SCREEN_MEDIUM, LumoUtility.BoxSizing.BORDER);
    }

    /** Whether a second factor is set up, and the way to set it up or manage it. */
    private Section secondFactor(SecondFactorStatus status) {
        Paragraph state = new Paragraph(status.enrolled()
                ? getTranslation("account.second-factor.on", status.recoveryCodesLeft())
                : getTranslation("account.second-factor.off"));
        RouterLink manage = new RouterLink(getTranslation(status.enrolled() ? "account.second-factor.manage"
                : "account.second-factor.set-up"), SecondFactorView.class);
        Section section = new Section(new H3(getTranslation("account.second-factor.title")), state, manage);
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.page-title");
    }
}
