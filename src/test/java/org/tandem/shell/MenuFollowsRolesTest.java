package org.tandem.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.ACCOUNT_ROLE;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.Role;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/**
 * Issue 12: the open tab's menu follows a change of roles. The account's roles are re-read on every request (accounts'
 * SessionCheck, proven by its own tests); here {@link SignIn#as} plays that refreshed request, and the layout that
 * stays on screen across pages must draw its menu again rather than keep the entries of the roles it was drawn for.
 */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class MenuFollowsRolesTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired TestClock clock;
    Person soloPractice;

    @BeforeEach
    void an_admin_who_is_also_a_therapist() {
        // committed: a refused route's audit row is written in a transaction of its own, which must see the account
        fixtures.committed(() -> {
            soloPractice = fixtures.admin(fixtures.clinic("Riverside Counselling"), "Morgan Ellis");
            dsl.insertInto(ACCOUNT_ROLE).set(ACCOUNT_ROLE.CLINIC_ID, soloPractice.clinicId())
                    .set(ACCOUNT_ROLE.ACCOUNT_ID, soloPractice.accountId()).set(ACCOUNT_ROLE.ROLE, Role.THERAPIST)
                    .execute();
        });
    }

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    private String open(String route) {
        navigate(route, Component.class);
        return getCurrentView().getClass().getSimpleName();
    }

    private void withoutRole(Role role) {
        dsl.deleteFrom(ACCOUNT_ROLE).where(ACCOUNT_ROLE.ACCOUNT_ID.eq(soloPractice.accountId()),
                ACCOUNT_ROLE.ROLE.eq(role)).execute();
        signIn.as(soloPractice.email()); // the next request's authentication, re-read from the account
    }

    @Test
    void a_removed_roles_entry_leaves_the_open_menu_at_the_next_heartbeat_and_its_route_is_refused() {
        signIn.as(soloPractice.email());
        assertThat(open("caseload")).isEqualTo("CaseloadView");
        assertThat(menu()).contains("Caseload", "Users", "Clinic settings");

        withoutRole(Role.ADMIN);
        UI.getCurrent().getInternals().setLastHeartbeatTimestamp(clock.millis()); // the tab's heartbeat

        assertThat(getCurrentView().getClass().getSimpleName()).as("the page stays").isEqualTo("CaseloadView");
        assertThat(menu()).contains("Caseload").doesNotContain("Users", "Clinic settings");

        AuditTrail trail = AuditTrail.from(dsl);
        assertThat(open("users")).isEqualTo("AccessDeniedView");
        assertThat(CurrentUser.find()).as("still signed in").isPresent();
        assertThat(menu()).contains("Caseload").doesNotContain("Users");
        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .containsExactly("view /users: role not allowed");
    }

    @Test
    void the_menu_is_drawn_again_at_the_next_page_after_a_role_is_taken_or_given() {
        signIn.as(soloPractice.email());
        assertThat(open("users")).isEqualTo("UsersView");

        withoutRole(Role.THERAPIST);
        assertThat(open("account")).isEqualTo("AccountView");
        assertThat(menu()).contains("Users").doesNotContain("Caseload");
        assertThat(open("caseload")).isEqualTo("AccessDeniedView");

        dsl.insertInto(ACCOUNT_ROLE).set(ACCOUNT_ROLE.CLINIC_ID, soloPractice.clinicId())
                .set(ACCOUNT_ROLE.ACCOUNT_ID, soloPractice.accountId()).set(ACCOUNT_ROLE.ROLE, Role.THERAPIST).execute();
        signIn.as(soloPractice.email());
        assertThat(open("caseload")).isEqualTo("CaseloadView");
        assertThat(menu()).contains("Caseload", "Users");
    }
}
