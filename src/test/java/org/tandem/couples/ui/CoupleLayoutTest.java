package org.tandem.couples.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.tabs.Tabs;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.couples.ui.CoupleRoutes.Tab;
import org.tandem.support.DemoTest;
import org.tandem.support.OtherClinic;
import org.tandem.support.PageContent;
import org.tandem.support.SignIn;
import org.tandem.support.TestData;

/** The five tabs of a couple's page in their one layout: one heading, the URL's tab selected, one refusal. */
@DemoTest
@ViewPackages(packages = "org.tandem")
class CoupleLayoutTest extends SpringBrowserlessTest {

    private static final Map<Tab, String> VIEWS = Map.of(Tab.OVERVIEW, "CoupleOverviewView",
            Tab.SESSIONS, "CoupleSessionsView", Tab.WORKBOOK, "CoupleWorkbookView", Tab.GOALS, "CoupleGoalsView",
            Tab.PARTNERS, "CouplePartnersView");
    private static final Map<Tab, String> LABELS = Map.of(Tab.OVERVIEW, "Overview", Tab.SESSIONS, "Sessions",
            Tab.WORKBOOK, "Workbook", Tab.GOALS, "Goals", Tab.PARTNERS, "Partners");

    @Autowired DSLContext dsl;
    @Autowired PlatformTransactionManager transactions;
    @Autowired SignIn signIn;

    @BeforeEach
    void sign_in() {
        OtherClinic.ensure(dsl, transactions);
        signIn.as("therapist@example.com");
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private String open(String route) {
        navigate(route, Component.class);
        return getCurrentView().getClass().getSimpleName();
    }

    private String title() {
        return UI.getCurrent().getInternals().getTitle();
    }

    private String selectedTab() {
        return $(Tabs.class).single().getSelectedTab().getElement().getTextRecursively();
    }

    @Test
    void each_tab_shows_the_couples_heading_once_with_its_own_tab_selected() {
        long alexAndSamira = TestData.coupleOf(dsl, "Alex Morgan");
        for (Tab tab : Tab.values()) {
            String route = CoupleRoutes.href(alexAndSamira, tab);

            assertThat(open(route)).as(route).isEqualTo(VIEWS.get(tab));
            assertThat($(H2.class).all()).as(route).extracting(H2::getText)
                    .containsExactly("Alex Morgan & Samira Patel");
            assertThat(selectedTab()).as(route).isEqualTo(LABELS.get(tab));
            assertThat(PageContent.everything(getCurrentView())).as(route)
                    .containsOnlyOnce("Alex Morgan & Samira Patel");
        }
    }

    @Test
    void the_page_title_names_the_tab_and_where_it_says_so_the_couple() {
        long alexAndSamira = TestData.coupleOf(dsl, "Alex Morgan");
        String names = "Alex Morgan & Samira Patel";

        open(CoupleRoutes.href(alexAndSamira, Tab.OVERVIEW));
        assertThat(title()).isEqualTo("Couple overview · Tandem");
        open(CoupleRoutes.href(alexAndSamira, Tab.SESSIONS));
        assertThat(title()).isEqualTo("Sessions of " + names + " · Tandem");
        open(CoupleRoutes.href(alexAndSamira, Tab.WORKBOOK));
        assertThat(title()).isEqualTo("Workbook of " + names + " · Tandem");
        open(CoupleRoutes.href(alexAndSamira, Tab.GOALS));
        assertThat(title()).isEqualTo("Goals of " + names + " · Tandem");
        open(CoupleRoutes.href(alexAndSamira, Tab.PARTNERS));
        assertThat(title()).isEqualTo("Partners · Tandem");
    }

    @Test
    void moving_to_the_same_tab_of_another_couple_shows_that_couple() {
        long alexAndSamira = TestData.coupleOf(dsl, "Alex Morgan");
        long kwames = TestData.coupleOf(dsl, "Kwame Mensah");

        open(CoupleRoutes.href(alexAndSamira, Tab.GOALS));
        open(CoupleRoutes.href(kwames, Tab.GOALS));

        assertThat($(H2.class).all()).extracting(H2::getText).singleElement().asString().contains("Kwame Mensah");
        assertThat(selectedTab()).isEqualTo("Goals");
        assertThat(title()).contains("Kwame Mensah").doesNotContain("Alex Morgan");
    }

    @Test
    void another_therapists_another_clinics_an_unknown_and_a_malformed_couple_are_refused_on_every_tab() {
        long priyas = TestData.coupleOf(dsl, "Maya Johnson");
        long otherClinics = TestData.coupleOf(dsl, OtherClinic.PARTNER_ONE);
        for (Tab tab : Tab.values()) {
            for (String route : new String[] {CoupleRoutes.href(priyas, tab), CoupleRoutes.href(otherClinics, tab),
                    CoupleRoutes.href(999_999_999L, tab),
                    CoupleRoutes.href(0, tab).replaceFirst("/0", "/not-a-number")}) {
                assertThat(open(route)).as(route).isEqualTo("AccessDeniedView");
                assertThat($(H2.class).single().getText()).as(route).isEqualTo("You don't have access to this page");
            }
        }
    }
}
