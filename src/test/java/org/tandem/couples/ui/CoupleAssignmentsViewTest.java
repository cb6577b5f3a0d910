package org.tandem.couples.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.couples.ClinicTherapist;
import org.tandem.couples.CoupleAssignment;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

@IntegrationTest
@ViewPackages(packages = "org.tandem")
class CoupleAssignmentsViewTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    /** Signs in through the application's own security context strategy too (see CaseloadViewTest). */
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    AuditTrail trail;
    /** E-mails: the clinic's admin, Jordan (a therapist) and Alex (a partner of Jordan's couple). */
    String admin;
    String jordan;
    String alex;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /**
     * Committed: refusals are audited in a transaction of their own, which must see the accounts. Jordan has Alex and
     * Sam and Daniel and Grace; Priya has Kwame and Ama, with Jordan as co-therapist.
     */
    @BeforeEach
    void a_clinic_and_the_audit_trail_marked() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            Person theAdmin = fixtures.admin(clinic, "Morgan Ellis");
            Person theJordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            Person priya = fixtures.therapist(clinic, "Priya Nair");
            alex = fixtures.couple(theJordan, "Alex Morgan", "Samira Patel").one().email();
            fixtures.couple(theJordan, "Daniel Okafor", "Grace Okafor");
            fixtures.coTherapist(theAdmin, fixtures.couple(priya, "Kwame Mensah", "Ama Mensah"), theJordan);
            admin = theAdmin.email();
            jordan = theJordan.email();
        });
        trail = AuditTrail.from(dsl);
    }

    @SuppressWarnings("unchecked")
    private Grid<CoupleAssignment> grid() {
        return $(Grid.class).single();
    }

    private List<String> column(int index) {
        Grid<CoupleAssignment> grid = grid();
        return IntStream.range(0, test(grid).size()).mapToObj(row -> test(grid).getCellText(row, index)).toList();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<ClinicTherapist> combo(String label) {
        return $(ComboBox.class).all().stream().filter(box -> label.equals(box.getLabel())).findFirst().orElseThrow();
    }

    private Button button(String text) {
        return $(Button.class).all().stream().filter(button -> text.equals(button.getText())).findFirst().orElseThrow();
    }

    private ClinicTherapist therapist(String name) {
        return combo("Primary therapist").getListDataView().getItems()
                .filter(therapist -> therapist.displayName().equals(name)).findFirst().orElseThrow();
    }

    private void openCouple(String search) {
        navigate("assignments", Component.class);
        test($(TextField.class).single()).setValue(search);
        test(grid()).clickRow(0);
    }

    @Test
    void admin_sees_names_statuses_and_therapists_in_the_menu_and_grid() {
        signIn.as(admin);
        navigate("assignments", Component.class);

        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Assignments");
        assertThat(test(grid()).size()).isEqualTo(3);
        assertThat(IntStream.range(0, 4).mapToObj(test(grid())::getHeaderCell))
                .containsExactly("Couple", "Status", "Primary therapist", "Co-therapist");
        test($(TextField.class).single()).setValue("mensah");
        assertThat(column(0)).containsExactly("Kwame Mensah & Ama Mensah");
        assertThat(column(1)).containsExactly("Active");
        assertThat(column(2)).containsExactly("Priya Nair");
        assertThat(column(3)).containsExactly("Dr. Jordan Reyes");
    }

    @Test
    void admin_moves_a_couple_and_adds_a_co_therapist_in_one_save() {
        signIn.as(admin);
        openCouple("samira");
        assertThat($(Dialog.class).single().getHeaderTitle()).isEqualTo("Therapists of Alex Morgan & Samira Patel");
        assertThat(combo("Primary therapist").getValue().displayName()).isEqualTo("Dr. Jordan Reyes");

        test(combo("Primary therapist")).selectItem("Priya Nair");
        test(combo("Co-therapist (optional)")).selectItem("Dr. Jordan Reyes");
        test(button("Save")).click();

        assertThat($(Dialog.class).all()).isEmpty();
        assertThat(column(2)).containsExactly("Priya Nair");
        assertThat(column(3)).containsExactly("Dr. Jordan Reyes");
        assertThat(trail.since()).extracting(row -> row.getAction()).contains("couple.move", "couple.co-therapist");
    }

    @Test
    void the_dialog_shows_who_has_worked_with_the_couple_and_when() {
        signIn.as(admin);
        openCouple("samira");
        test(combo("Primary therapist")).selectItem("Priya Nair");
        test(button("Save")).click();

        openCouple("samira");

        assertThat($(com.vaadin.flow.component.html.Paragraph.class, $(Dialog.class).single()).all())
                .extracting(com.vaadin.flow.component.html.Paragraph::getText)
                .satisfiesExactly(
                        former -> assertThat(former).startsWith("Dr. Jordan Reyes, primary therapist, ").contains(" to "),
                        current -> assertThat(current).startsWith("Priya Nair, primary therapist, since "));
    }

    @Test
    void the_same_therapist_twice_is_explained_beside_the_field_and_nothing_is_saved() {
        signIn.as(admin);
        openCouple("samira");

        combo("Co-therapist (optional)").setValue(therapist("Dr. Jordan Reyes"));
        test(button("Save")).click();

        assertThat(combo("Co-therapist (optional)").isInvalid()).isTrue();
        assertThat(combo("Co-therapist (optional)").getErrorMessage())
                .isEqualTo("Choose someone other than the primary therapist, or leave the co-therapist empty.");
        assertThat($(Dialog.class).all()).hasSize(1);
        assertThat(trail.since("couple.co-therapist")).isEmpty();
    }

    @Test
    void a_therapist_is_refused_the_assignments_and_the_refusal_is_audited() {
        signIn.as(jordan);
        navigate("assignments", Component.class);

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .containsExactly("view /assignments: role not allowed");
    }

    @Test
    void a_client_is_refused_the_assignments_and_the_refusal_is_audited() {
        signIn.as(alex);
        navigate("assignments", Component.class);

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
        assertThat(trail.since("access.denied")).hasSize(1);
    }
}
