package org.tandem.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.Role;
import org.tandem.accounts.TandemUser;

/** Sends each person to their own start page: caseload, users or workbook. */
@Route("")
@PermitAll
class HomeView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(landingRoute(CurrentUser.require()));
    }

    /** Routes by name, so that the shell depends on no feature. */
    static String landingRoute(TandemUser user) {
        if (user.hasRole(Role.THERAPIST)) {
            return "caseload";
        }
        if (user.hasRole(Role.ADMIN)) {
            return "users";
        }
        return "workbook";
    }
}
