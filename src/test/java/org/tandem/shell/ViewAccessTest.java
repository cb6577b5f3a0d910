package org.tandem.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.tandem.accounts.ui.LoginView;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

/** Each role lands on its own page; every view refuses anonymous visitors and the wrong roles. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class ViewAccessTest extends SpringBrowserlessTest {

    private static final List<String> SIGNED_IN_ROUTES = List.of("", "caseload", "users", "workbook", "assignments",
            "clinic/settings", "clinic/balance", "library", "goals", "my-balance", "audit", "account");

    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    AuditTrail trail;
    Person admin;
    Person therapist;
    Couple alexAndSam;

    @BeforeEach
    void a_clinic_and_the_audit_trail_marked() {
        fixtures.committed(this::a_clinic);
        trail = AuditTrail.from(dsl);
    }

    private void a_clinic() {
        Clinic clinic = fixtures.clinic("Riverside Counselling");
        admin = fixtures.admin(clinic, "Morgan Ellis");
        therapist = fixtures.therapist(clinic, "Dr. Jordan Reyes");
        alexAndSam = fixtures.couple(therapist, "Alex Morgan", "Alex", "Samira Patel", "Sam");
        fixtures.couple(therapist, "Aisha Khan", "Omar Haddad");
        fixtures.couple(fixtures.therapist(clinic, "Priya Nair"), "Maya Johnson", "Chris Johnson");
    }

    private String currentView() {
        return getCurrentView().getClass().getSimpleName();
    }

    private String open(String route) {
        navigate(route, Component.class);
        return currentView();
    }

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    @WithAnonymousUser
    void anonymous_visitor_is_sent_to_sign_in_from_every_view() {
        for (String route : SIGNED_IN_ROUTES) {
            navigate(route, Component.class);
            assertThat(getCurrentView()).as("/" + route).isInstanceOf(LoginView.class);
        }
    }

    @Test
    void therapist_lands_on_their_caseload_with_real_data() {
        signIn.as(therapist.email());
        assertThat(open("")).isEqualTo("CaseloadView");

        @SuppressWarnings("unchecked")
        Grid<Object> grid = $(Grid.class).single();
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("Aisha Khan");
        assertThat(menu()).containsExactly("Caseload", "Schedule", "Library", "Account");
        assertThat($(Button.class).all()).extracting(Button::getText).contains("Sign out");
    }

    @Test
    void admin_lands_on_the_clinics_users() {
        signIn.as(admin.email());
        assertThat(open("")).isEqualTo("UsersView");

        @SuppressWarnings("unchecked")
        Grid<Object> grid = $(Grid.class).single();
        List<String> emails = java.util.stream.IntStream.range(0, test(grid).size())
                .mapToObj(row -> test(grid).getCellText(row, 1)).toList();
        assertThat(emails).contains(admin.email(), therapist.email(), alexAndSam.two().email());
        assertThat(menu()).containsExactly("Users", "Assignments", "Clinic settings", "Balance settings", "Audit log", "Account");
    }

    @Test
    void client_lands_on_their_workbook_with_partner_and_therapist() {
        signIn.as(alexAndSam.one().email());
        assertThat(open("")).isEqualTo("MyWorkbookView");

        assertThat($(H2.class).single().getText()).isEqualTo("Welcome, Alex");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("You and Sam are working with Dr. Jordan Reyes.");
        assertThat(menu()).containsExactly("My workbook", "Messages", "Goals", "My balance", "Account");
    }

    @Test
    void therapist_is_refused_the_admin_and_client_views_and_the_refusal_is_audited() {
        signIn.as(therapist.email());
        assertThat(open("users")).isEqualTo("AccessDeniedView");
        assertThat($(H2.class).single().getText()).isEqualTo("You don't have access to this page");
        assertThat(open("workbook")).isEqualTo("AccessDeniedView");

        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .containsExactly("view /users: role not allowed", "view /workbook: role not allowed");
    }

    @Test
    void admin_is_refused_the_caseload_and_the_workbook() {
        signIn.as(admin.email());
        assertThat(open("caseload")).isEqualTo("AccessDeniedView");
        assertThat(open("workbook")).isEqualTo("AccessDeniedView");
    }

    @Test
    void client_is_refused_the_caseload_and_the_users() {
        signIn.as(alexAndSam.two().email());
        assertThat(open("caseload")).isEqualTo("AccessDeniedView");
        assertThat(open("users")).isEqualTo("AccessDeniedView");
    }

    @Test
    void signed_in_person_visiting_the_sign_in_page_goes_to_their_start_page() {
        signIn.as(therapist.email());
        assertThat(open("login")).isEqualTo("CaseloadView");
    }
}
