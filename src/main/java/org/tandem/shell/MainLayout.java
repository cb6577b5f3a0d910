package org.tandem.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.TandemUser;
import org.tandem.shell.chart.Chart;

/** The frame around every signed-in page: the role's own menu, who is signed in, and sign-out. */
// The production build bundles only the frontend of components it can reach from a route; features put charts on
// pages through Spring beans (e.g. Overview sections), which it cannot follow, so the layout of every page names it.
@Uses(Chart.class)
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authentication) {
        Span appName = new Span(getTranslation("app.name"));
        appName.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD);

        // CurrentUser, not getAuthenticatedUser(TandemUser.class): a sign-in that still owes its second factor has
        // an e-mail as its principal, and Vaadin's method would fail to cast it.
        String name = CurrentUser.find().map(TandemUser::displayName).orElse("");
        Span signedIn = new Span(name);
        signedIn.getElement().setAttribute("title", getTranslation("shell.signed-in-as", name));
        signedIn.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Button signOut = new Button(getTranslation("shell.sign-out"), click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout user = new HorizontalLayout(signedIn, signOut);
        user.setAlignItems(HorizontalLayout.Alignment.CENTER);
        user.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Margin.Right.MEDIUM);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menu"));
        addToNavbar(toggle, appName, user);
        addToDrawer(menu());
        setPrimarySection(Section.DRAWER);
    }

    private SideNav menu() {
        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("shell.menu"));
        nav.addClassNames(LumoUtility.Margin.Horizontal.MEDIUM, LumoUtility.Margin.Top.MEDIUM);
        // Entries are already filtered by the signed-in person's access to each view.
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private static Component icon(String name) {
        String[] parts = name.split(":", 2);
        return parts.length == 2 ? new Icon(parts[0], parts[1]) : new Icon(name);
    }
}
