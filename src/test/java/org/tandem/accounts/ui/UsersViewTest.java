package org.tandem.accounts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.accounts.AccountService;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/** The admin's Users page and a user's page, browserless: invite, filter, deactivate, reassign; and who is denied. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class UsersViewTest extends SpringBrowserlessTest {

    @Autowired AccountService accounts;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired TestClock clock;

    Person admin;
    Person jordan;
    Person priya;
    Couple couple;
    Person otherTherapist;

    @BeforeEach
    void a_clinic() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(clinic, "Morgan Ellis");
            jordan = fixtures.therapist(clinic, "Jordan Reyes");
            priya = fixtures.therapist(clinic, "Priya Nair");
            couple = fixtures.couple(jordan, "Alex Morgan", "Samira Patel");
            otherTherapist = fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park");
        });
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private Button button(String text) {
        return $(Button.class).all().stream().filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    private List<String> texts(Class<? extends Component> type) {
        return $(type).all().stream().map(c -> c.getElement().getText()).toList();
    }

    @SuppressWarnings("unchecked")
    private <T> Select<T> select(String label) {
        return $(Select.class).all().stream().filter(s -> label.equals(s.getLabel())).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_admin_invites_a_colleague_copies_the_link_and_sees_the_invitation_pending() {
        signIn.as(admin.email());
        navigate(UsersView.class);
        String email = "sam.okoro." + System.nanoTime() + "@staff.example";

        test(button("Invite staff")).click();
        test($(TextField.class).all().stream().filter(f -> "Name".equals(f.getLabel())).findFirst().orElseThrow())
                .setValue("Sam Okoro");
        test($(EmailField.class).single()).setValue(email);
        CheckboxGroup<Object> roles = $(CheckboxGroup.class).single();
        test(roles).selectItem("Therapist");
        test(button("Create invitation link")).click();

        TextField link = $(TextField.class).all().stream().filter(f -> "Invitation link".equals(f.getLabel()))
                .findFirst().orElseThrow();
        assertThat(link.getValue()).contains("invitation/");
        // Mail is configured in tests: the link went to the colleague, and the words say so of them, not a partner.
        assertThat(texts(Paragraph.class)).contains("The link has also been e-mailed to them. If it does not arrive, "
                + "copy it and give it to them yourself.");
        test(button("Done")).click();
        assertThat(texts(Span.class)).contains("Sam Okoro · " + email + " · Therapist");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_address_of_a_user_of_the_clinic_is_refused_beside_the_field() {
        signIn.as(admin.email());
        navigate(UsersView.class);

        test(button("Invite staff")).click();
        test($(TextField.class).all().stream().filter(f -> "Name".equals(f.getLabel())).findFirst().orElseThrow())
                .setValue("Priya Nair");
        EmailField email = $(EmailField.class).single();
        test(email).setValue(priya.email());
        test((CheckboxGroup<Object>) $(CheckboxGroup.class).single()).selectItem("Therapist");
        test(button("Create invitation link")).click();

        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage())
                .isEqualTo("A user of your clinic already signs in with this address. Find them on the Users page.");
    }

    @Test
    void an_invitation_to_another_clinics_address_is_issued_and_once_tried_shows_that_it_needs_attention(
            @Autowired org.tandem.invitations.StaffInvitationService staff,
            @Autowired org.tandem.invitations.InvitationService invitations) {
        signIn.as(admin.email());
        String path = staff.invite(new org.tandem.invitations.StaffInvitationData("Lee Park", otherTherapist.email(),
                java.util.Set.of(org.tandem.accounts.Role.THERAPIST))).path();
        signIn.anonymous();
        try {
            invitations.accept(path.substring(org.tandem.invitations.InvitationService.ACCEPT_ROUTE_PREFIX.length()),
                    "harbour violet pebble compass");
        } catch (org.tandem.invitations.InvitationRefusedException expected) {
            // the person holding the link is told in neutral words; the admin sees the mark below
        }
        signIn.as(admin.email());

        navigate(UsersView.class);

        assertThat(texts(Span.class)).contains("Lee Park · " + otherTherapist.email() + " · Therapist",
                "This invitation couldn't be completed and needs your attention: check the address with them "
                        + "(the Audit log has the details).");
    }

    @Test
    void the_search_narrows_the_list_and_the_invited_state_shows_the_invitations_instead() {
        signIn.as(admin.email());
        navigate(UsersView.class);
        Grid<?> grid = $(Grid.class).single();

        test($(TextField.class).single()).setValue("nair");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("Priya Nair");

        test(select("State")).selectItem("Invited");
        assertThat(grid.isVisible()).isFalse();
        assertThat(texts(Paragraph.class))
                .contains("No pending staff invitations. Invite someone with \"Invite staff\".");
    }

    @Test
    void the_admin_deactivates_a_therapist_and_hands_the_couples_to_a_colleague() {
        signIn.as(admin.email());
        navigate(AccountRoutes.user(jordan.accountId()), Component.class);

        test(button("Deactivate")).click();

        assertThat(texts(Paragraph.class)).contains(
                "Deactivated: cannot sign in. Reactivate to let them sign in again with the same roles.",
                "This account is deactivated and still has 1 couple. Reassign them to a colleague.");
        test(select("Reassign all to")).selectItem("Priya Nair");
        test(button("Reassign the couple")).click();

        assertThat(texts(Paragraph.class)).contains("No couples on this caseload.");
        assertThat(accounts.account(jordan.accountId()).active()).isFalse();
    }

    @Test
    void the_admin_changes_a_therapists_roles() {
        signIn.as(admin.email());
        navigate(AccountRoutes.user(jordan.accountId()), Component.class);

        @SuppressWarnings("unchecked")
        CheckboxGroup<Object> roles = $(CheckboxGroup.class).single();
        test(roles).selectItem("Admin");
        test(button("Save roles")).click();

        assertThat(accounts.account(jordan.accountId()).roles()).hasSize(2);
    }

    @Test
    void another_clinics_account_and_a_malformed_id_end_on_the_access_denied_page() {
        signIn.as(admin.email());
        navigate(AccountRoutes.user(otherTherapist.accountId()), Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
        navigate("users/not-a-number", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
    }

    @Test
    void a_therapist_and_a_partner_cannot_open_the_users_pages() {
        signIn.as(jordan.email());
        navigate("users", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
        navigate(AccountRoutes.user(priya.accountId()), Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
        signIn.as(couple.one().email());
        navigate("users", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
    }

    @Test
    void deactivating_yourself_is_refused_in_words_and_changes_nothing() {
        signIn.as(admin.email());
        navigate(AccountRoutes.user(admin.accountId()), Component.class);
        assertThat(texts(Paragraph.class)).contains("This is your own account.");

        // The click's refusal reaches the global error handler, which shows it in its own words (decision 015).
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> test(button("Deactivate")).click());
        while (thrown != null && !(thrown instanceof org.tandem.accounts.RefusedException)) {
            thrown = thrown.getCause();
        }
        assertThat(thrown).isInstanceOfSatisfying(org.tandem.accounts.RefusedException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("users.error.deactivate-self"));
        assertThat(accounts.account(admin.accountId()).active()).isTrue();
    }

    @Test
    void on_a_colleagues_page_the_admin_issues_a_reset_link_ends_their_sessions_and_resets_their_second_factor() {
        signIn.as(admin.email());
        AuditTrail trail = AuditTrail.from(dsl);
        navigate("users/" + jordan.accountId(), Component.class);

        test(button("Issue a reset link")).click();
        TextField link = $(TextField.class).all().stream().filter(f -> "Link to give the person".equals(f.getLabel()))
                .findFirst().orElseThrow();
        assertThat(link.getValue()).contains("reset-password/");
        assertThat(trail.since("password-reset.issue")).singleElement()
                .satisfies(row -> assertThat(row.getOutcome().name()).isEqualTo("SUCCESS"));

        test(button("End all their sessions")).click();
        assertThat(dsl.fetchValue(org.tandem.jooq.Tables.ACCOUNT.SESSIONS_VALID_AFTER,
                org.tandem.jooq.Tables.ACCOUNT.ID.eq(jordan.accountId()))).isNotNull();
        assertThat(trail.since("account.sessions-end")).singleElement()
                .satisfies(row -> assertThat(row.getSubjectId()).isEqualTo(jordan.accountId()));

        test(button("Reset their second factor")).click();
        assertThat(trail.since("second-factor.reset")).singleElement()
                .satisfies(row -> assertThat(row.getSubjectId()).isEqualTo(jordan.accountId()));
    }

    @Test
    void a_deactivated_account_offers_no_reset_link_and_no_sign_in_help() {
        signIn.as(admin.email());
        var details = accounts.account(priya.accountId());
        accounts.deactivate(priya.accountId(), details.version());

        navigate("users/" + priya.accountId(), Component.class);

        assertThat($(Button.class).all()).extracting(Button::getText)
                .contains("Reactivate")
                .doesNotContain("Issue a reset link", "End all their sessions", "Reset their second factor");
    }

    @Test
    void the_admin_ends_every_session_of_the_clinic_after_confirming_and_another_clinic_keeps_its_own() {
        UUID jordans = OpenSessionRows.open(dsl, clock, jordan, "Firefox on Windows");
        UUID partners = OpenSessionRows.open(dsl, clock, admin.clinicId(), couple.one().accountId(),
                "Safari on iPhone");
        UUID northside = OpenSessionRows.open(dsl, clock, otherTherapist, "Chrome on Windows");
        signIn.as(admin.email());
        navigate(UsersView.class);
        AuditTrail trail = AuditTrail.from(dsl);

        button("End every session in the clinic").click();
        test($(ConfirmDialog.class).single()).cancel();
        assertThat(OpenSessionRows.ended(dsl, jordans)).as("cancelled").isFalse();

        button("End every session in the clinic").click();
        test($(ConfirmDialog.class).last()).confirm();

        assertThat(OpenSessionRows.ended(dsl, jordans)).isTrue();
        assertThat(OpenSessionRows.ended(dsl, partners)).isTrue();
        assertThat(OpenSessionRows.ended(dsl, northside)).isFalse();
        assertThat(trail.since("clinic.sessions-end")).singleElement()
                .satisfies(row -> assertThat(row.getDetail()).startsWith("2 open sessions ended"));
    }

    @Test
    void a_users_page_shows_their_open_sessions_read_only() {
        OpenSessionRows.open(dsl, clock, jordan, "Firefox on Windows");
        OpenSessionRows.open(dsl, clock, priya, "Safari on iPhone");
        signIn.as(admin.email());

        navigate(AccountRoutes.user(jordan.accountId()), Component.class);

        assertThat(texts(Span.class)).contains("Firefox on Windows").doesNotContain("Safari on iPhone");
        assertThat($(Button.class).all()).extracting(Button::getText).doesNotContain("End");
        navigate(AccountRoutes.user(priya.accountId()), Component.class);
        assertThat(texts(Span.class)).contains("Safari on iPhone").doesNotContain("Firefox on Windows");
    }
}
