package org.tandem.clinic.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.CLINIC;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.tandem.accounts.StaleVersionException;
import org.tandem.clinic.ClinicService;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

@IntegrationTest
@ViewPackages(packages = "org.tandem")
class ClinicSettingsViewTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired ClinicService clinic;
    @Autowired org.tandem.clinic.ClinicLimits limits;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired org.tandem.clinic.ClinicTime time;
    Person admin;
    Person therapist;
    Couple couple;

    @BeforeEach
    void a_clinic() {
        fixtures.committed(this::make_a_clinic);
    }

    private void make_a_clinic() {
        Clinic riverside = fixtures.clinic("Riverside Counselling");
        admin = fixtures.admin(riverside, "Morgan Ellis");
        therapist = fixtures.therapist(riverside, "Dr. Jordan Reyes");
        couple = fixtures.couple(therapist, "Alex Morgan", "Samira Patel");
    }

    boolean noSecrets() {
        return dsl.select(CLINIC.NO_SECRETS).from(CLINIC).where(CLINIC.ID.eq(admin.clinicId()))
                .fetchSingle(CLINIC.NO_SECRETS);
    }

    @Test
    void the_admin_turns_on_no_secrets_and_it_is_audited() {
        signIn.as(admin.email());
        AuditTrail trail = AuditTrail.from(dsl);
        navigate(ClinicSettingsView.class);
        test($(Checkbox.class).withLabelContaining("No secrets").single()).click();
        test($(Button.class).withText("Save").single()).click();

        assertThat(noSecrets()).isTrue();
        assertThat($(Paragraph.class).withText("Now: every new answer is shared between the partners.").exists()).isTrue();
        assertThat(trail.since("clinic.policies-changed")).hasSize(1);
    }

    @Test
    void a_save_that_raced_another_admin_is_reported_and_changes_nothing() {
        signIn.as(admin.email());
        int version = clinic.policies().version();
        clinic.updatePolicies(version, true);
        assertThatThrownBy(() -> clinic.updatePolicies(version, false)).isInstanceOf(StaleVersionException.class);
        assertThat(noSecrets()).isTrue();
    }

    @Test
    void a_therapist_cannot_open_the_clinic_settings() {
        signIn.as(therapist.email());
        navigate("clinic/settings", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
        assertThatThrownBy(() -> clinic.policies())
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void a_partner_cannot_open_the_clinic_settings() {
        signIn.as(couple.one().email());
        navigate("clinic/settings", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
    }

    private com.vaadin.flow.component.textfield.IntegerField number(String label) {
        return $(com.vaadin.flow.component.textfield.IntegerField.class).all().stream()
                .filter(field -> label.equals(field.getLabel())).findFirst().orElseThrow();
    }

    private Button saveProfile() {
        return $(Button.class).all().stream().filter(button -> "Save clinic details".equals(button.getText()))
                .findFirst().orElseThrow();
    }

    @Test
    void the_admin_renames_the_clinic_and_sets_its_idle_timeout_and_invitation_validity() {
        signIn.as(admin.email());
        AuditTrail trail = AuditTrail.from(dsl);
        navigate(ClinicSettingsView.class);
        assertThat(number("Sign out after (minutes idle)").getValue()).isEqualTo(15);
        assertThat(number("Invitation links work for (days)").getValue()).isEqualTo(7);

        test($(com.vaadin.flow.component.textfield.TextField.class).single()).setValue("Riverside Couples Practice");
        test(number("Sign out after (minutes idle)")).setValue(30);
        test(number("Invitation links work for (days)")).setValue(3);
        test(saveProfile()).click();

        var row = dsl.selectFrom(CLINIC).where(CLINIC.ID.eq(admin.clinicId())).fetchSingle();
        assertThat(row.getName()).isEqualTo("Riverside Couples Practice");
        assertThat(row.getIdleTimeoutMinutes()).isEqualTo(30);
        assertThat(row.getInvitationValidDays()).isEqualTo(3);
        assertThat(limits.idleTimeout(admin.clinicId())).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(limits.invitationValidity(admin.clinicId())).isEqualTo(java.time.Duration.ofDays(3));
        assertThat(trail.since("clinic.policies-changed")).singleElement().satisfies(audit ->
                assertThat(audit.getDetail()).isEqualTo("profile: idle timeout 15 -> 30 min, invitations valid 7 -> 3 days, renamed"));

        // The privacy policy shares the clinic's version: saving it after the profile is no conflict.
        test($(Checkbox.class).withLabelContaining("No secrets").single()).click();
        test($(Button.class).withText("Save").single()).click();
        assertThat(noSecrets()).isTrue();
    }

    @Test
    void the_admin_requires_a_second_factor_of_staff_and_it_is_audited() {
        signIn.as(admin.email());
        AuditTrail trail = AuditTrail.from(dsl);
        navigate(ClinicSettingsView.class);
        test($(Checkbox.class).withLabel("Second factor required for staff").single()).click();
        test($(Button.class).withText("Save sign-in policy").single()).click();

        assertThat(dsl.select(CLINIC.SECOND_FACTOR_REQUIRED).from(CLINIC).where(CLINIC.ID.eq(admin.clinicId()))
                .fetchSingle().value1()).isTrue();
        assertThat($(Paragraph.class).withText("Now: staff must use a second factor.").exists()).isTrue();
        assertThat(trail.since("clinic.policies-changed")).singleElement()
                .satisfies(row -> assertThat(row.getDetail()).isEqualTo("second factor required for staff: false -> true"));

        // the privacy policy saves after it without a false conflict: the page read the clinic's new version
        test($(Checkbox.class).withLabelContaining("No secrets").single()).click();
        test($(Button.class).withText("Save").single()).click();
        assertThat(noSecrets()).isTrue();
    }

    @Test
    void an_idle_timeout_out_of_range_is_refused_beside_the_field_and_nothing_is_saved() {
        signIn.as(admin.email());
        navigate(ClinicSettingsView.class);

        number("Sign out after (minutes idle)").setValue(4); // typed: the tester refuses what the steppers cannot reach
        test(saveProfile()).click();

        assertThat(number("Sign out after (minutes idle)").isInvalid()).isTrue();
        assertThat(number("Sign out after (minutes idle)").getErrorMessage()).isEqualTo("Choose between 5 and 60 minutes.");
        assertThat(dsl.select(CLINIC.IDLE_TIMEOUT_MINUTES).from(CLINIC).where(CLINIC.ID.eq(admin.clinicId()))
                .fetchSingle(CLINIC.IDLE_TIMEOUT_MINUTES)).isNull();
        assertThatThrownBy(() -> clinic.updateProfile(clinic.profile().version(),
                new org.tandem.clinic.ClinicProfile("Riverside", 61, 7, null)))
                .isInstanceOf(jakarta.validation.ConstraintViolationException.class);
        assertThatThrownBy(() -> clinic.updateProfile(clinic.profile().version(),
                new org.tandem.clinic.ClinicProfile("Riverside", 15, 0, null)))
                .isInstanceOf(jakarta.validation.ConstraintViolationException.class);
    }

    @Test
    void a_profile_saved_after_another_admins_is_reported_and_changes_nothing() {
        signIn.as(admin.email());
        var read = clinic.profile();
        clinic.updateProfile(read.version(), new org.tandem.clinic.ClinicProfile("Theirs", 20, 5, null));

        assertThatThrownBy(() -> clinic.updateProfile(read.version(), new org.tandem.clinic.ClinicProfile("Mine", 45, 9, null)))
                .isInstanceOfSatisfying(StaleVersionException.class, raced ->
                        assertThat(raced.current(org.tandem.clinic.VersionedProfile.class).profile().clinicName())
                                .isEqualTo("Theirs"));
        assertThat(limits.idleTimeout(admin.clinicId())).isEqualTo(java.time.Duration.ofMinutes(20));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_admin_chooses_full_names_for_calendar_files_after_initials_by_default() {
        signIn.as(admin.email());
        AuditTrail trail = AuditTrail.from(dsl);
        navigate(ClinicSettingsView.class);
        var names = (com.vaadin.flow.component.radiobutton.RadioButtonGroup<org.tandem.clinic.CalendarNames>)
                $(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class).all().stream()
                        .filter(group -> "Names in calendar events".equals(group.getLabel())).findFirst().orElseThrow();
        assertThat(names.getValue()).isEqualTo(org.tandem.clinic.CalendarNames.INITIALS);
        assertThat($(Paragraph.class).withText("Now: calendar events show the partners' initials.").exists()).isTrue();

        test(names).selectItem("Full names (Alex Morgan & Samira Patel)");
        Button save = $(Button.class).withText("Save calendar setting").single();
        assertThat(save.isDisableOnClick()).isTrue();
        test(save).click();

        assertThat(dsl.select(CLINIC.CALENDAR_NAMES).from(CLINIC).where(CLINIC.ID.eq(admin.clinicId())).fetchSingle()
                .value1()).isEqualTo(org.tandem.clinic.CalendarNames.FULL_NAMES);
        assertThat($(Paragraph.class).withText("Now: calendar events show the partners' full names.").exists()).isTrue();
        assertThat(trail.since("clinic.policies-changed")).singleElement().satisfies(row ->
                assertThat(row.getDetail()).isEqualTo("calendar names: INITIALS -> FULL_NAMES"));
        assertThat(save.isEnabled()).isTrue();
    }

    @Test
    void a_therapist_cannot_change_the_second_factor_policy() {
        signIn.as(therapist.email());
        assertThatThrownBy(() -> clinic.requireSecondFactor(0, true))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> clinic.secondFactorPolicy())
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @SuppressWarnings("unchecked")
    private com.vaadin.flow.component.combobox.ComboBox<String> timeZone() {
        return $(com.vaadin.flow.component.combobox.ComboBox.class).all().stream()
                .filter(field -> "Time zone".equals(field.getLabel())).findFirst().orElseThrow();
    }

    @Test
    void the_admin_picks_the_clinics_time_zone_and_the_next_screen_uses_it() {
        signIn.as(admin.email());
        AuditTrail trail = AuditTrail.from(dsl);
        navigate(ClinicSettingsView.class);
        assertThat(timeZone().getValue()).as("none of its own yet").isNull();
        assertThat(timeZone().getPlaceholder()).isEqualTo("The installation's zone: Europe/Berlin (UTC+02:00)");
        assertThat(timeZone().getListDataView().getItems()).contains("Asia/Tokyo", "America/New_York")
                .isSortedAccordingTo(String::compareTo);

        test(timeZone()).selectItem("Asia/Tokyo (UTC+09:00)");
        test(saveProfile()).click();

        assertThat(dsl.select(CLINIC.TIME_ZONE).from(CLINIC).where(CLINIC.ID.eq(admin.clinicId())).fetchSingle()
                .value1()).isEqualTo("Asia/Tokyo");
        assertThat(time.zone()).isEqualTo(java.time.ZoneId.of("Asia/Tokyo"));
        assertThat(trail.since("clinic.policies-changed")).singleElement().satisfies(audit ->
                assertThat(audit.getDetail()).endsWith("time zone installation's -> Asia/Tokyo"));
        navigate(ClinicSettingsView.class);
        assertThat(timeZone().getValue()).isEqualTo("Asia/Tokyo");
    }

    @Test
    void a_typed_name_that_is_no_time_zone_is_refused_beside_the_field_and_nothing_is_saved() {
        signIn.as(admin.email());
        navigate(ClinicSettingsView.class);

        com.vaadin.flow.component.ComponentUtil.fireEvent(timeZone(),
                new com.vaadin.flow.component.combobox.ComboBoxBase.CustomValueSetEvent<>(timeZone(), true,
                        "Mars/Olympus_Mons"));
        test(saveProfile()).click();

        assertThat(timeZone().isInvalid()).isTrue();
        assertThat(timeZone().getErrorMessage()).isEqualTo("Choose a time zone from the list, such as Europe/Berlin.");
        assertThat(dsl.select(CLINIC.TIME_ZONE).from(CLINIC).where(CLINIC.ID.eq(admin.clinicId())).fetchSingle()
                .value1()).isNull();
    }
}
