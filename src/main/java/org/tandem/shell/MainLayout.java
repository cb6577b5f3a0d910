package org.tandem.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
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
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.Role;
import org.tandem.shell.chart.Chart;

/**
 * The frame around every signed-in page: the role's own menu, who is signed in, and sign-out. The router keeps one
 * layout across the pages of a tab, so the menu is drawn again when the roles seen on a request (re-read from the
 * account on every request, see accounts' SessionCheck) differ from those it was drawn for: after a navigation, and
 * on the tab's heartbeat (shown with the tab's next request). A route the person lost is refused by the router as
 * usual; they stay signed in.
 */
// The production build bundles only the frontend of components it can reach from a route; features put charts on
// pages through Spring beans (e.g. Overview sections), which it cannot follow, so the layout of every page names it.
@Uses(Chart.class)
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Span signedIn = new Span();
    private SideNav menu;
    private DrawnFor drawnFor;
    private @Nullable Registration heartbeat;

    /** Who the menu and the name were drawn for. */
    private record DrawnFor(String name, Set<Role> roles) {

        static DrawnFor now() {
            return CurrentUser.find().map(user -> new DrawnFor(user.displayName(), Set.copyOf(user.roles())))
                    .orElse(new DrawnFor("", Set.of()));
        }
    }

    MainLayout(AuthenticationContext authentication, List<AppBarItem> appBarItems) {
        Span appName = new Span(getTranslation("app.name"));
        appName.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD);

        // CurrentUser, not getAuthenticatedUser(TandemUser.class): a sign-in that still owes its second factor has
        // an e-mail as its principal, and Vaadin's method would fail to cast it.
        drawnFor = DrawnFor.now();
        showName();
        signedIn.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Button signOut = new Button(getTranslation("shell.sign-out"), click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout user = new HorizontalLayout();
        appBarItems.forEach(item -> item.create().ifPresent(user::add));
        user.add(signedIn, signOut);
        user.setAlignItems(HorizontalLayout.Alignment.CENTER);
        user.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Margin.Right.MEDIUM);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menu"));
        addToNavbar(toggle, appName, user);
        menu = menu();
        addToDrawer(menu);
        setPrimarySection(Section.DRAWER);
    }

    private void showName() {
        signedIn.setText(drawnFor.name());
        signedIn.getElement().setAttribute("title", getTranslation("shell.signed-in-as", drawnFor.name()));
    }

    /** Draws the menu and the name again if the person's roles or name changed since they were drawn. */
    private void redrawIfChanged() {
        DrawnFor now = DrawnFor.now();
        if (now.equals(drawnFor)) {
            return;
        }
        drawnFor = now;
        showName();
        SideNav redrawn = menu();
        menu.getElement().removeFromParent();
        menu = redrawn;
        addToDrawer(menu);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        redrawIfChanged();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        heartbeat = attach.getUI().addHeartbeatListener(beat -> redrawIfChanged());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        Registration registered = heartbeat;
        if (registered != null) {
            registered.remove();
            heartbeat = null;
        }
        super.onDetach(detach);
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
