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
import org.tandem.couples.ui.CoupleRoutes.Tab;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.PageContent;
import org.tandem.support.SignIn;

/** The six tabs of a couple's page in their one layout: one heading, the URL's tab selected, one refusal. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class CoupleLayoutTest extends SpringBrowserlessTest {

    private static final Map<Tab, String> VIEWS = Map.of(Tab.OVERVIEW, "CoupleOverviewView",
            Tab.SESSIONS, "CoupleSessionsView", Tab.WORKBOOK, "CoupleWorkbookView", Tab.GOALS, "CoupleGoalsView",
            Tab.MESSAGES, "CoupleMessagesView", Tab.PARTNERS, "CouplePartnersView");
    private static final Map<Tab, String> LABELS = Map.of(Tab.OVERVIEW, "Overview", Tab.SESSIONS, "Sessions",
            Tab.WORKBOOK, "Workbook", Tab.GOALS, "Goals", Tab.MESSAGES, "Messages", Tab.PARTNERS, "Partners");

    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;

    /** Jordan's Alex and Samira, and Kwame and Ama; Priya's Maya and Chris; in another clinic, Lee's Robin and Casey. */
    Person jordan;
    long alexAndSamira;
    long kwames;
    long priyas;
    long otherClinics;

    /** Committed: refusals are audited in a transaction of their own, which must see the accounts. */
    @BeforeEach
    void two_clinics() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            jordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            alexAndSamira = fixtures.couple(jordan, "Alex Morgan", "Samira Patel").id();
            kwames = fixtures.couple(jordan, "Kwame Mensah", "Ama Mensah").id();
            priyas = fixtures.couple(fixtures.therapist(clinic, "Priya Nair"), "Maya Johnson", "Chris Taylor").id();
            otherClinics = fixtures.couple(fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park"),
                    "Robin Hart", "Casey Hart").id();
        });
        signIn.as(jordan.email());
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
        open(CoupleRoutes.href(alexAndSamira, Tab.GOALS));
        open(CoupleRoutes.href(kwames, Tab.GOALS));

        assertThat($(H2.class).all()).extracting(H2::getText).singleElement().asString().contains("Kwame Mensah");
        assertThat(selectedTab()).isEqualTo("Goals");
        assertThat(title()).contains("Kwame Mensah").doesNotContain("Alex Morgan");
    }

    @Test
    void another_therapists_another_clinics_an_unknown_and_a_malformed_couple_are_refused_on_every_tab() {
        AuditTrail trail = AuditTrail.from(dsl);
        for (Tab tab : Tab.values()) {
            for (String route : new String[] {CoupleRoutes.href(priyas, tab), CoupleRoutes.href(otherClinics, tab),
                    CoupleRoutes.href(999_999_999L, tab),
                    CoupleRoutes.href(0, tab).replaceFirst("/0", "/not-a-number")}) {
                assertThat(open(route)).as(route).isEqualTo("AccessDeniedView");
                assertThat($(H2.class).single().getText()).as(route).isEqualTo("You don't have access to this page");
            }
        }
        assertThat(trail.since("access.denied")).extracting(AuditEventRecord::getDetail)
                .filteredOn(detail -> detail.endsWith("not on the caseload"))
                .as("one refusal per tab of each couple not on the caseload")
                .containsOnly("couple " + priyas + ": not on the caseload",
                        "couple " + otherClinics + ": not on the caseload", "couple 999999999: not on the caseload")
                .hasSize(3 * Tab.values().length);
    }
}
