package org.tandem.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.tandem.accounts.ui.AccountRoutes;

/**
 * Sends each person to their own start page, the first entry of their menu (a therapist's caseload, an admin's
 * users, a partner's workbook), so that the shell names no feature's route.
 */
@Route(AccountRoutes.HOME)
@PermitAll
class HomeView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // Entries are already filtered by the signed-in person's access and sorted by their menu order.
        List<MenuEntry> menu = MenuConfiguration.getMenuEntries();
        if (menu.isEmpty()) {
            event.rerouteToError(AccessDeniedException.class);
            return;
        }
        event.forwardTo(menu.getFirst().path().replaceFirst("^/", ""));
    }
}
