package org.tandem.couples.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RoutePrefix;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.Role;
import org.tandem.couples.CoupleHeading;
import org.tandem.couples.CoupleService;
import org.tandem.shell.MainLayout;
import org.tandem.shell.RouteIds;

/**
 * A couple's page, {@code couples/{id}/…}: reads the couple's id from the URL, checks that the signed-in therapist
 * may open it (a malformed, unknown or other therapist's id ends on the access-denied page, the tab never built),
 * draws the couple's heading and the tab bar with the URL's tab selected, then {@linkplain CoupleTab#show shows}
 * that couple in the tab inside it. Tabs of other features join with
 * {@code @Route(value = CoupleRoutes.GOALS, layout = CoupleLayout.class)}. The layout is the page's {@code <main>};
 * the tabs are plain {@code Div}s inside it.
 */
@ParentLayout(MainLayout.class)
@RoutePrefix(CoupleRoutes.COUPLE)
@RolesAllowed(Role.Names.THERAPIST)
public class CoupleLayout extends Main implements RouterLayout, BeforeEnterObserver, AfterNavigationObserver {

    private final CoupleService couples;
    private @Nullable CoupleHeading couple;
    private @Nullable CoupleTabs tabs;

    CoupleLayout(CoupleService couples) {
        this.couples = couples;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM,
                LumoUtility.Padding.MEDIUM, LumoUtility.BoxSizing.BORDER);
    }

    /**
     * The couple's id, for a view that checks more of its URL in its own {@code beforeEnter} (an assignment of the
     * couple); the layout, entered first, has already refused a malformed one.
     */
    public static long coupleId(BeforeEnterEvent event) {
        return event.getRouteParameters().getLong(CoupleRoutes.COUPLE_ID).orElseThrow();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.enter(event, CoupleRoutes.COUPLE_ID, id -> {
            CoupleHeading heading = couples.heading(id);
            List<String> segments = event.getLocation().getSegments();
            CoupleTabs bar = new CoupleTabs(heading, CoupleRoutes.Tab.of(segments.size() > 2 ? segments.get(2) : ""));
            if (tabs != null) {
                remove(tabs);
            }
            addComponentAsFirst(bar);
            tabs = bar;
            couple = heading;
        });
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        CoupleHeading shown = couple;
        if (shown != null) {
            getChildren().filter(CoupleTab.class::isInstance).map(CoupleTab.class::cast)
                    .forEach(tab -> tab.show(shown));
        }
    }
}
