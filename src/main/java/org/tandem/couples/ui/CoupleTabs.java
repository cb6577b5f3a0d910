package org.tandem.couples.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.tandem.couples.CoupleHeading;

/** The heading and tab bar that {@link CoupleLayout} draws above each tab of a couple's page. */
class CoupleTabs extends Composite<Header> {

    CoupleTabs(CoupleHeading couple, CoupleRoutes.Tab active) {
        H2 names = new H2(couple.names());
        names.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.XLARGE);
        Span status = new Span(getTranslation("couple.status." + couple.status().name()));
        status.getElement().getThemeList().add("badge");

        Tabs tabs = new Tabs();
        for (CoupleRoutes.Tab section : CoupleRoutes.Tab.values()) {
            Tab tab = new Tab(new Anchor(CoupleRoutes.href(couple.coupleId(), section),
                    getTranslation(section.translationKey())));
            tabs.add(tab);
            if (section == active) {
                tabs.setSelectedTab(tab);
            }
        }

        Header header = getContent();
        HorizontalLayout title = new HorizontalLayout(names, status);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.add(title, tabs);
        header.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
    }
}
