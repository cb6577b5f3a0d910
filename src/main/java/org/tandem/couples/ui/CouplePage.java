package org.tandem.couples.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * What the views of one couple's page share: cards. Their dates and times are in the clinic's zone, which comes
 * from {@code ClinicTime} (its {@code format(locale)}), never from here.
 */
final class CouplePage {

    private CouplePage() {}

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
