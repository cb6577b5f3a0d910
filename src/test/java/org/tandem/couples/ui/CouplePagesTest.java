package org.tandem.couples.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.COUPLE;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBoxBase;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.couples.CoupleData;
import org.tandem.couples.CoupleOverview;
import org.tandem.couples.CoupleService;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.LivingTogether;
import org.tandem.couples.PartnerData;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.InvitationFixtures;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/** Creating a couple, its Overview and Partners tabs and editing it, as the therapist uses them; and refusals. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class CouplePagesTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;

    @Autowired TestClock clock;
    @Autowired CoupleService couples;
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    @Autowired InvitationFixtures invitationFixtures;
    AuditTrail trail;
    /** Jordan, a therapist; the clinic's admin. */
    Person jordan;
    Person admin;
    /** Jordan's: Alex (they/them) and Sam, who can sign in; Lucía and Marco, not yet invited. */
    Couple alexAndSam;
    long luciaAndMarco;
    /** Priya's, of which Jordan is co-therapist. */
    Couple kwameAndAma;
    /** Priya's only. */
    Couple mayaAndChris;
    /** Of a therapist in another clinic. */
    Couple robinAndCasey;

    /** Committed: refusals are audited in a transaction of their own, which must see the accounts. */
    @BeforeEach
    void two_clinics() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(clinic, "Morgan Ellis");
            jordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            Person priya = fixtures.therapist(clinic, "Priya Nair");
            alexAndSam = fixtures.couple(jordan, "Alex Morgan", "Alex", "Samira Patel", "Sam");
            fixtures.edit(jordan, alexAndSam, data -> new CoupleData(
                    new PartnerData("Alex Morgan", "Alex", "they/them", data.partnerOne().email()), data.partnerTwo(),
                    data.togetherSince(), data.livingTogether(), data.presentingConcerns(), data.status()));
            luciaAndMarco = invitationFixtures.uninvitedCouple(jordan, "Lucía Fernández", "Marco Rossi").id();
            kwameAndAma = fixtures.couple(priya, "Kwame Mensah", "Ama Mensah");
            fixtures.coTherapist(admin, kwameAndAma, jordan);
            mayaAndChris = fixtures.couple(priya, "Maya Johnson", "Chris Taylor");
            robinAndCasey = fixtures.couple(fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park"),
                    "Robin Hart", "Casey Hart");
        });
        trail = AuditTrail.from(dsl);
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

    private TextField text(String id) {
        return $(TextField.class).id(id);
    }

    private EmailField email(int position) {
        return $(EmailField.class).id("partner-" + position + "-email");
    }

    @SuppressWarnings("unchecked")
    private MultiSelectComboBox<String> concerns() {
        return $(MultiSelectComboBox.class).id("presenting-concerns");
    }

    @SuppressWarnings("unchecked")
    private Select<CoupleStatus> status() {
        return $(Select.class).id("status");
    }

    private void click(String caption) {
        test($(Button.class).all().stream().filter(button -> caption.equals(button.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + caption))).click();
    }

    /** What the browser sends when the therapist types a concern that is not in the list and presses Enter. */
    private void typeConcern(String typed) {
        ComponentUtil.fireEvent(concerns(), new ComboBoxBase.CustomValueSetEvent<>(concerns(), true, typed));
    }

    private static String error(HasValidation field) {
        return field.isInvalid() ? field.getErrorMessage() : "";
    }

    private String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    private int couplesInDatabase() {
        return dsl.fetchCount(COUPLE);
    }

    @Test
    void bad_input_is_explained_beside_each_field_and_nothing_is_written() {
        open(CoupleRoutes.NEW_COUPLE);
        int before = couplesInDatabase();
        test(text("partner-2-full-name")).setValue("x".repeat(201));
        test(text("partner-1-preferred-name")).setValue("p".repeat(101));
        test(text("partner-2-pronouns")).setValue("p".repeat(51));
        test(email(1)).setValue("not-an-email");
        // The picker's calendar offers no future day (its tester refuses one too); typing one sends it like this.
        $(DatePicker.class).id("together-since").setValue(LocalDate.now(clock).plusDays(3));
        IntStream.rangeClosed(1, 21).forEach(i -> typeConcern("concern " + i));

        click("Create couple");

        assertThat(error(text("partner-1-full-name"))).isEqualTo("Enter the partner's full name.");
        assertThat(error(text("partner-2-full-name"))).isEqualTo("Keep the full name to 200 characters or fewer.");
        assertThat(error(text("partner-1-preferred-name")))
                .isEqualTo("Keep the preferred name to 100 characters or fewer.");
        assertThat(error(text("partner-2-pronouns"))).isEqualTo("Keep the pronouns to 50 characters or fewer.");
        assertThat(error(email(1))).isEqualTo("Enter an e-mail address such as name@example.com.");
        assertThat(error($(DatePicker.class).id("together-since"))).isEqualTo("The date can't be in the future.");
        assertThat(error(concerns())).isEqualTo("Enter at most 20 concerns.");
        assertThat(getCurrentView()).isInstanceOf(NewCoupleView.class);
        assertThat(couplesInDatabase()).isEqualTo(before);
    }

    @Test
    void what_only_the_service_refuses_is_shown_beside_the_field_too() {
        open(CoupleRoutes.NEW_COUPLE);
        CoupleData bad = new CoupleData(new PartnerData(" ", null, "p".repeat(51), null),
                new PartnerData("Sam", null, null, "sam@localhost"), LocalDate.now(clock).plusDays(1),
                LivingTogether.UNKNOWN, List.of("c".repeat(51)), CoupleStatus.INTAKE);
        jakarta.validation.ConstraintViolationException refused = org.junit.jupiter.api.Assertions.assertThrows(
                jakarta.validation.ConstraintViolationException.class, () -> couples.create(bad));

        $(CoupleForm.class).single().showViolations(refused);

        assertThat(error(text("partner-1-full-name"))).isEqualTo("Enter the partner's full name.");
        assertThat(error(text("partner-1-pronouns"))).isEqualTo("Keep the pronouns to 50 characters or fewer.");
        assertThat(error(email(2))).isEqualTo("Enter an e-mail address such as name@example.com.");
        assertThat(error($(DatePicker.class).id("together-since"))).isEqualTo("The date can't be in the future.");
        assertThat(error(concerns())).isEqualTo("Keep each concern to 50 characters or fewer.");
    }

    @Test
    void a_concern_too_long_and_the_same_email_twice_are_explained_beside_their_fields() {
        open(CoupleRoutes.NEW_COUPLE);
        test(text("partner-1-full-name")).setValue("Jo Rivera");
        test(text("partner-2-full-name")).setValue("Sam Rivera");
        test(email(1)).setValue("jo@family.example");
        test(email(2)).setValue("JO@family.example");
        typeConcern("c".repeat(51));

        click("Create couple");

        assertThat(error(email(2))).isEqualTo("The two partners need different e-mail addresses.");
        assertThat(error(concerns())).isEqualTo("Keep each concern to 50 characters or fewer.");
        assertThat(getCurrentView()).isInstanceOf(NewCoupleView.class);
    }

    @Test
    void an_email_already_used_on_the_caseload_is_explained_beside_that_partners_email() {
        open(CoupleRoutes.NEW_COUPLE);
        int before = couplesInDatabase();
        test(text("partner-1-full-name")).setValue("Jo Rivera");
        test(text("partner-2-full-name")).setValue("Sam Rivera");
        test(email(2)).setValue(alexAndSam.two().email().toUpperCase(Locale.ROOT)); // Sam's, in other case

        click("Create couple");

        assertThat(error(email(1))).isEmpty();
        assertThat(error(email(2))).isEqualTo("Another partner on your caseload already uses this e-mail address.");
        assertThat(couplesInDatabase()).isEqualTo(before);
    }

    @Test
    void a_new_couple_is_created_and_the_therapist_lands_on_its_overview() {
        open(CoupleRoutes.NEW_COUPLE);
        test(text("partner-1-full-name")).setValue("Jo Rivera");
        test(text("partner-1-preferred-name")).setValue("Jo");
        test(text("partner-1-pronouns")).setValue("she/her");
        test(email(1)).setValue("jo@family.example");
        test(text("partner-2-full-name")).setValue("Sam Rivera");
        test($(DatePicker.class).id("together-since")).setValue(LocalDate.of(2015, 6, 1));
        typeConcern("communication");
        typeConcern("  trust ");
        assertThat(status().getValue()).isEqualTo(CoupleStatus.INTAKE);

        click("Create couple");

        assertThat(getCurrentView()).isInstanceOf(CoupleOverviewView.class);
        assertThat($(H2.class).single().getText()).isEqualTo("Jo Rivera & Sam Rivera");
        String facts = text($(Component.class).id("couple-facts"));
        assertThat(facts).contains("June 1, 2015", "Unknown", "communication", "trust",
                "Dr. Jordan Reyes (primary)");
        assertThat(text($(Div.class).id("next-session"))).isEqualTo("No session scheduled");
        assertThat($(ListItem.class).from($(Component.class).id("status-history")).all())
                .singleElement().satisfies(line -> assertThat(text(line)).startsWith("Created as Intake")
                        .contains("By Dr. Jordan Reyes"));
        assertThat(trail.since("couple.create")).hasSize(1);
    }

    @Test
    void editing_the_status_records_it_in_the_history_shown_on_the_overview() {
        long alex = alexAndSam.id();
        open("couples/" + alex);
        click("Edit");
        assertThat(getCurrentView()).isInstanceOf(EditCoupleView.class);
        assertThat(text("partner-1-full-name").getValue()).isEqualTo("Alex Morgan");
        assertThat(email(2).getValue()).isEqualTo(alexAndSam.two().email());

        test(status()).selectItem("Paused");
        typeConcern("money");
        click("Save changes");

        assertThat(getCurrentView()).isInstanceOf(CoupleOverviewView.class);
        assertThat($(ListItem.class).from($(Component.class).id("status-history")).first())
                .satisfies(line -> assertThat(text(line)).startsWith("Active → Paused").contains("By Dr. Jordan Reyes"));
        assertThat(text($(Component.class).id("couple-facts"))).contains("money");
        CoupleOverview now = couples.overview(alex);
        assertThat(now.data().status()).isEqualTo(CoupleStatus.PAUSED);
    }

    @Test
    void an_edit_that_raced_another_is_reported_and_overwrites_nothing() {
        long alex = alexAndSam.id();
        open(CoupleRoutes.editHref(alex));
        CoupleOverview opened = couples.overview(alex);
        CoupleData theirs = new CoupleData(opened.data().partnerOne(), opened.data().partnerTwo(),
                LocalDate.of(2010, 1, 1), LivingTogether.NO, List.of("theirs"), CoupleStatus.CLOSED);
        couples.update(alex, opened.version(), theirs);

        test(text("partner-1-preferred-name")).setValue("Lex");
        click("Save changes");

        assertThat(getCurrentView()).isInstanceOf(EditCoupleView.class);
        Div conflict = $(Div.class).id("edit-conflict");
        assertThat(conflict.isVisible()).isTrue();
        assertThat(text(conflict)).contains(
                "Someone else changed this couple since you opened it. Reload to see their changes.");
        assertThat(text("partner-1-preferred-name").getValue()).as("the therapist's typing is kept").isEqualTo("Lex");
        assertThat(couples.overview(alex).data()).isEqualTo(theirs);

        click("Reload");

        assertThat(conflict.isVisible()).isFalse();
        assertThat(text("partner-1-preferred-name").getValue()).isEqualTo("Alex");
        assertThat(status().getValue()).isEqualTo(CoupleStatus.CLOSED);
    }

    @Test
    void the_partners_tab_shows_each_partner_with_their_invitation() {
        long alex = alexAndSam.id();

        assertThat(open("couples/" + alex + "/partners")).isEqualTo("CouplePartnersView");

        Section one = $(Section.class).id("partner-1");
        assertThat(text(one)).contains("Partner 1", "Alex Morgan", "Alex", "they/them", alexAndSam.one().email(),
                "Yes, an account is linked");
        Div invitation = $(Div.class).id("partner-1-invitation");
        assertThat(invitation.getParent()).contains(one);
        assertThat(invitation.getChildren()).singleElement()
                .isInstanceOf(org.tandem.invitations.ui.PartnerInvitationPanel.class);
        assertThat(text(invitation)).contains("Has accepted the invitation and can sign in.");

        open("couples/" + luciaAndMarco + "/partners");
        assertThat(text($(Section.class).id("partner-2"))).contains("Marco Rossi", "Not given",
                "Not yet, no account is linked");
    }

    @Test
    void the_overview_shows_a_co_therapist() {
        open("couples/" + kwameAndAma.id());

        assertThat(text($(Component.class).id("couple-facts"))).contains("Priya Nair (primary)",
                "Dr. Jordan Reyes (co-therapist)");
    }

    @Test
    void opening_the_overview_writes_one_read_row_for_the_couple_and_none_per_section() {
        fixtures.checkIn(jordan, alexAndSam, alexAndSam.one(), 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        fixtures.checkIn(jordan, alexAndSam, alexAndSam.two(), 5, 5, 1, 5, 5, 1, 1, 1, 5, 1);
        fixtures.session(jordan, alexAndSam, LocalDate.now(clock).plusDays(1).atTime(9, 0));
        trail = AuditTrail.from(dsl);

        assertThat(open("couples/" + alexAndSam.id())).isEqualTo("CoupleOverviewView");

        assertThat($(Section.class).all()).extracting(section -> section.getId().orElse(""))
                .contains("balance-alerts", "balance-suggestions");
        assertThat(trail.since()).extracting(AuditEventRecord::getAction, AuditEventRecord::getSubjectType,
                        AuditEventRecord::getSubjectId, AuditEventRecord::getDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("couple.read", "couple", alexAndSam.id(), "overview"));
    }

    @Test
    void another_therapists_or_clinics_couple_by_url_ends_on_access_denied_and_is_audited() {
        long maya = mayaAndChris.id();
        long robin = robinAndCasey.id();
        for (long other : List.of(maya, robin)) {
            for (String route : List.of("couples/" + other, "couples/" + other + "/partners",
                    CoupleRoutes.editHref(other))) {
                assertThat(open(route)).as(route).isEqualTo("AccessDeniedView");
            }
        }
        assertThat(open("couples/999999999")).isEqualTo("AccessDeniedView");
        assertThat(open("couples/not-a-number")).isEqualTo("AccessDeniedView");

        List<AuditEventRecord> refusals = trail.since("access.denied");
        assertThat(refusals).extracting(AuditEventRecord::getDetail)
                .contains("couple " + maya + ": not on the caseload", "couple " + robin + ": not on the caseload",
                        "couple 999999999: not on the caseload");
        assertThat(refusals.stream().filter(row -> row.getDetail().endsWith("not on the caseload"))).hasSize(7);
        assertThat(text($(H2.class).single())).isEqualTo("You don't have access to this page");
    }

    @Test
    void admin_is_refused_every_couple_page() {
        signIn.as(admin.email());
        long alex = alexAndSam.id();
        for (String route : List.of(CoupleRoutes.NEW_COUPLE, "couples/" + alex, "couples/" + alex + "/partners",
                CoupleRoutes.editHref(alex))) {
            assertThat(open(route)).as(route).isEqualTo("AccessDeniedView");
        }
        assertThat(trail.since("access.denied")).hasSize(4);
    }

    @Test
    void a_partner_is_refused_every_couple_page_even_their_own() {
        signIn.as(alexAndSam.one().email());
        long alex = alexAndSam.id();
        for (String route : List.of(CoupleRoutes.NEW_COUPLE, "couples/" + alex, "couples/" + alex + "/partners",
                CoupleRoutes.editHref(alex))) {
            assertThat(open(route)).as(route).isEqualTo("AccessDeniedView");
        }
        assertThat(trail.since("access.denied")).hasSize(4);
    }

    @Test
    void a_value_over_the_records_limit_is_explained_beside_its_field_in_the_records_words() {
        open(CoupleRoutes.NEW_COUPLE);
        int before = couplesInDatabase();
        test(text("partner-1-full-name")).setValue("Jo Rivera");
        test(text("partner-2-full-name")).setValue("Sam Rivera");
        test(text("partner-2-pronouns")).setValue("p".repeat(51)); // PartnerData: @Size(max = 50)

        click("Create couple");

        assertThat(error(text("partner-2-pronouns"))).isEqualTo("Keep the pronouns to 50 characters or fewer.");
        assertThat(couplesInDatabase()).isEqualTo(before);
        // The message is the record's {couples.validation.pronouns-too-long}, from the one translation bundle.
        assertThat(getClass().getResource("/ValidationMessages.properties")).isNull();
    }
}
