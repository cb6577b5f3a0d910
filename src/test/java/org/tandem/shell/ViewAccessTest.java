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
import org.springframework.security.test.context.support.WithUserDetails;
import org.tandem.accounts.ui.LoginView;
import org.tandem.support.AuditTrail;
import org.tandem.support.DemoTest;

/** Each role lands on its own page; every view refuses anonymous visitors and the wrong roles. */
@DemoTest
@ViewPackages(packages = "org.tandem")
class ViewAccessTest extends SpringBrowserlessTest {

    private static final List<String> SIGNED_IN_ROUTES = List.of("", "caseload", "users", "workbook", "assignments",
            "clinic/settings", "clinic/balance", "library", "goals", "my-balance");

    @Autowired DSLContext dsl;
    AuditTrail trail;

    @BeforeEach
    void mark_audit_trail() {
        trail = AuditTrail.from(dsl);
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
    @WithUserDetails("therapist@example.com")
    void therapist_lands_on_their_caseload_with_real_data() {
        assertThat(open("")).isEqualTo("CaseloadView");

        @SuppressWarnings("unchecked")
        Grid<Object> grid = $(Grid.class).single();
        assertThat(test(grid).size()).isEqualTo(9);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("Aisha Khan");
        assertThat(menu()).containsExactly("Caseload", "Schedule", "Library");
        assertThat($(Button.class).all()).extracting(Button::getText).contains("Sign out");
    }

    @Test
    @WithUserDetails("admin@example.com")
    void admin_lands_on_the_clinics_users() {
        assertThat(open("")).isEqualTo("UsersView");

        @SuppressWarnings("unchecked")
        Grid<Object> grid = $(Grid.class).single();
        List<String> emails = java.util.stream.IntStream.range(0, test(grid).size())
                .mapToObj(row -> test(grid).getCellText(row, 1)).toList();
        assertThat(emails).contains("admin@example.com", "therapist@example.com", "sam@example.com");
        assertThat(menu()).containsExactly("Users", "Assignments", "Clinic settings", "Balance settings");
    }

    @Test
    @WithUserDetails("alex@example.com")
    void client_lands_on_their_workbook_with_partner_and_therapist() {
        assertThat(open("")).isEqualTo("MyWorkbookView");

        assertThat($(H2.class).single().getText()).isEqualTo("Welcome, Alex");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("You and Sam are working with Dr. Jordan Reyes.");
        assertThat(menu()).containsExactly("My workbook", "Goals", "My balance");
    }

    @Test
    @WithUserDetails("therapist@example.com")
    void therapist_is_refused_the_admin_and_client_views_and_the_refusal_is_audited() {
        assertThat(open("users")).isEqualTo("AccessDeniedView");
        assertThat($(H2.class).single().getText()).isEqualTo("You don't have access to this page");
        assertThat(open("workbook")).isEqualTo("AccessDeniedView");

        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .containsExactly("view /users: role not allowed", "view /workbook: role not allowed");
    }

    @Test
    @WithUserDetails("admin@example.com")
    void admin_is_refused_the_caseload_and_the_workbook() {
        assertThat(open("caseload")).isEqualTo("AccessDeniedView");
        assertThat(open("workbook")).isEqualTo("AccessDeniedView");
    }

    @Test
    @WithUserDetails("sam@example.com")
    void client_is_refused_the_caseload_and_the_users() {
        assertThat(open("caseload")).isEqualTo("AccessDeniedView");
        assertThat(open("users")).isEqualTo("AccessDeniedView");
    }

    @Test
    @WithUserDetails("therapist@example.com")
    void signed_in_person_visiting_the_sign_in_page_goes_to_their_start_page() {
        assertThat(open("login")).isEqualTo("CaseloadView");
    }
}
