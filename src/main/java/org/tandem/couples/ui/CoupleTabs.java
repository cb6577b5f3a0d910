package org.tandem.couples.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.tandem.couples.CoupleHeading;

/**
 * The heading and tab bar of a couple's page, shared by the tab views of several features. The URL
 * is the truth for the selected tab: {@code couples/{id}} (Overview), {@code couples/{id}/sessions},
 * {@code couples/{id}/workbook}, {@code couples/{id}/goals}, {@code couples/{id}/partners}. Report joins
 * in later work.
 */
public class CoupleTabs extends Composite<Header> {

    public static final String COUPLE_ID = "coupleId";
    public static final String OVERVIEW_ROUTE = "couples/:" + COUPLE_ID;
    public static final String SESSIONS_ROUTE = "couples/:" + COUPLE_ID + "/sessions";
    public static final String PARTNERS_ROUTE = "couples/:" + COUPLE_ID + "/partners";
    public static final String GOALS_ROUTE = "couples/:" + COUPLE_ID + "/goals";
    public static final String WORKBOOK_ROUTE = "couples/:" + COUPLE_ID + "/workbook";

    public enum Section {
        OVERVIEW(""),
        SESSIONS("/sessions"),
        WORKBOOK("/workbook"),
        GOALS("/goals"),
        PARTNERS("/partners");

        private final String suffix;

        Section(String suffix) {
            this.suffix = suffix;
        }

        public String href(long coupleId) {
            return "couples/" + coupleId + suffix;
        }

        String translationKey() {
            return "couple.tab." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public CoupleTabs(CoupleHeading couple, Section active) {
        H2 names = new H2(couple.names());
        names.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.XLARGE);
        Span status = new Span(getTranslation("couple.status." + couple.status().name()));
        status.getElement().getThemeList().add("badge");

        Tabs tabs = new Tabs();
        for (Section section : Section.values()) {
            Tab tab = new Tab(new Anchor(section.href(couple.coupleId()), getTranslation(section.translationKey())));
            tabs.add(tab);
            if (section == active) {
                tabs.setSelectedTab(tab);
            }
        }

        Header header = getContent();
        var title = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(names, status);
        title.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        header.add(title, tabs);
        header.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
    }
}
