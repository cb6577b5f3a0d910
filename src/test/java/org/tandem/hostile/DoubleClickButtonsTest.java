package org.tandem.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_SESSION;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.balance.CheckInService;
import org.tandem.couples.CoupleData;
import org.tandem.couples.CoupleService;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.LivingTogether;
import org.tandem.couples.PartnerData;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

/**
 * The buttons that write once are disabled in the browser from the click until the server's answer (Vaadin's
 * disable-on-click), so a double click sends one click; and the answer enables them again, so that a form refused
 * for a missing field can be corrected and sent. What the services do with a second call: DoubleSubmitTest.
 */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class DoubleClickButtonsTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired CoupleService couples;
    @Autowired CheckInService checkIns;
    Person jordan;
    Couple alexAndSam;

    @BeforeEach
    void a_clinic() {
        Clinic clinic = fixtures.clinic("Riverside Counselling");
        jordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
        alexAndSam = fixtures.couple(jordan, "Alex Morgan", "Samira Patel");
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private Button button(String text) {
        return $(Button.class).all().stream().filter(button -> text.equals(button.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no button \"" + text + "\" on "
                        + getCurrentView().getClass().getSimpleName()));
    }

    private void open(String route) {
        navigate(route, Component.class);
    }

    @Test
    void create_couple_disables_on_click_and_a_refused_form_can_be_sent_again() {
        signIn.as(jordan.email());
        open("couples/new");
        int before = dsl.fetchCount(COUPLE);
        Button create = button("Create couple");
        assertThat(create.isDisableOnClick()).isTrue();

        test(create).click(); // empty: refused beside the fields
        assertThat(create.isEnabled()).as("enabled again by the answer").isTrue();
        test(create).click();
        assertThat(dsl.fetchCount(COUPLE)).isEqualTo(before);
    }

    @Test
    void schedule_session_disables_on_click_and_is_usable_again_after_the_answer() {
        signIn.as(jordan.email());
        open("couples/" + alexAndSam.id() + "/sessions");
        Button schedule = button("Schedule session");
        assertThat(schedule.isDisableOnClick()).isTrue();

        test(schedule).click(); // no date yet: refused beside the field
        assertThat(schedule.isEnabled()).isTrue();
        assertThat(dsl.fetchCount(COUPLE_SESSION, COUPLE_SESSION.COUPLE_ID.eq(alexAndSam.id()))).isZero();
    }

    @Test
    void create_invitation_link_disables_on_click() {
        signIn.as(jordan.email());
        long lucias = couples.create(new CoupleData(new PartnerData("Lucía Torres", null, null, "lucia@click.example"),
                new PartnerData("Ben Okafor", null, null, "ben@click.example"), null, LivingTogether.UNKNOWN, null,
                CoupleStatus.ACTIVE));
        open("couples/" + lucias + "/partners");

        assertThat($(Button.class).all()).filteredOn(button -> "Create invitation link".equals(button.getText()))
                .hasSize(2).allSatisfy(button -> assertThat(button.isDisableOnClick()).isTrue());
    }

    @Test
    void the_library_creates_a_module_on_one_click() {
        signIn.as(jordan.email());
        open("library");
        test(button("New module")).click();

        assertThat(button("Create and edit").isDisableOnClick()).isTrue();
    }

    @Test
    void a_partners_check_in_submit_disables_on_click() {
        signIn.during(jordan.email(), () -> checkIns.request(alexAndSam.id()));
        signIn.as(alexAndSam.one().email());
        long id = checkIns.myOpenCheckIns().getFirst().checkInId();
        open("check-in/" + id);

        assertThat(button("Submit").isDisableOnClick()).isTrue();
    }
}
