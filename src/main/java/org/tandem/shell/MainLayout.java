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
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.TandemUser;
import org.tandem.shell.chart.Chart;

/**
 * The frame around every signed-in page: the role's own menu, who is signed in, and sign-out. A browser tab keeps
 * one frame while it moves between pages, so the name and menu are drawn again whenever the person behind the tab
 * changed since: a sign-in completed on a page of this frame (enrolling the second factor the clinic requires), or
 * roles and name changed meanwhile (read on every request, see accounts' SessionCheck).
 */
// The production build bundles only the frontend of components it can reach from a route; features put charts on
// pages through Spring beans (e.g. Overview sections), which it cannot follow, so the layout of every page names it.
@Uses(Chart.class)
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Span signedIn = new Span();
    private final SideNav nav = new SideNav();
    private @Nullable String drawnName;
    private @Nullable List<MenuEntry> drawnMenu;

    MainLayout(AuthenticationContext authentication) {
        Span appName = new Span(getTranslation("app.name"));
        appName.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD);

        signedIn.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Button signOut = new Button(getTranslation("shell.sign-out"), click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout user = new HorizontalLayout(signedIn, signOut);
        user.setAlignItems(HorizontalLayout.Alignment.CENTER);
        user.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Margin.Right.MEDIUM);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menu"));
        addToNavbar(toggle, appName, user);
        nav.setLabel(getTranslation("shell.menu"));
        nav.addClassNames(LumoUtility.Margin.Horizontal.MEDIUM, LumoUtility.Margin.Top.MEDIUM);
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
        draw();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        draw();
    }

    /** The name and the menu of the person now signed in, unless they are drawn already. */
    private void draw() {
        // CurrentUser, not getAuthenticatedUser(TandemUser.class): a sign-in that still owes its second factor has
        // an e-mail as its principal, and Vaadin's method would fail to cast it.
        String name = CurrentUser.find().map(TandemUser::displayName).orElse("");
        // Entries are already filtered by the signed-in person's access to each view.
        List<MenuEntry> menu = MenuConfiguration.getMenuEntries();
        if (name.equals(drawnName) && menu.equals(drawnMenu)) {
            return;
        }
        drawnName = name;
        drawnMenu = menu;
        signedIn.setText(name);
        signedIn.getElement().setAttribute("title", getTranslation("shell.signed-in-as", name));
        nav.removeAll();
        for (MenuEntry entry : menu) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(icon(entry.icon()));
            }
            nav.addItem(item);
        }
    }

    private static Component icon(String name) {
        String[] parts = name.split(":", 2);
        return parts.length == 2 ? new Icon(parts[0], parts[1]) : new Icon(name);
    }
}
