package org.tandem.couples.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.function.LongConsumer;
import org.tandem.shell.RouteIds;

/**
 * What the views of one couple's page share: reading the couple id from the URL, and cards. Their dates and times
 * are in the clinic's zone, which comes from {@code ClinicTime} (its {@code format(locale)}), never from here.
 */
final class CouplePage {

    private CouplePage() {}

    /** Runs {@code show} with the couple id of the URL; see {@link RouteIds#enter}. */
    static void enter(BeforeEnterEvent event, LongConsumer show) {
        RouteIds.enter(event, CoupleTabs.COUPLE_ID, show);
    }

    static Section card(String title, Component... content) {
        H3 heading = new H3(title);
        heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Top.NONE);
        Section card = new Section(heading);
        card.add(content);
        card.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.BorderRadius.LARGE, LumoUtility.Padding.MEDIUM);
        return card;
    }
}
