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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.tandem.clinic.ClinicConflictException;
import org.tandem.clinic.ClinicService;
import org.tandem.support.AuditTrail;
import org.tandem.support.DemoTest;

@DemoTest
@ViewPackages(packages = "org.tandem")
class ClinicSettingsViewTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired ClinicService clinic;

    boolean noSecrets() {
        return dsl.select(CLINIC.NO_SECRETS).from(CLINIC).where(CLINIC.NAME.eq(clinic.policies().clinicName()))
                .fetchSingle(CLINIC.NO_SECRETS);
    }

    @Test
    @WithUserDetails("admin@example.com")
    void the_admin_turns_on_no_secrets_and_it_is_audited() {
        AuditTrail trail = AuditTrail.from(dsl);
        navigate(ClinicSettingsView.class);
        test($(Checkbox.class).single()).click();
        test($(Button.class).withText("Save").single()).click();

        assertThat(noSecrets()).isTrue();
        assertThat($(Paragraph.class).withText("Now: every new answer is shared between the partners.").exists()).isTrue();
        assertThat(trail.since("clinic.policies-changed")).hasSize(1);
    }

    @Test
    @WithUserDetails("admin@example.com")
    void a_save_that_raced_another_admin_is_reported_and_changes_nothing() {
        int version = clinic.policies().version();
        clinic.updatePolicies(version, true);
        assertThatThrownBy(() -> clinic.updatePolicies(version, false)).isInstanceOf(ClinicConflictException.class);
        assertThat(noSecrets()).isTrue();
    }

    @Test
    @WithUserDetails("therapist@example.com")
    void a_therapist_cannot_open_the_clinic_settings() {
        navigate("clinic/settings", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
        assertThatThrownBy(() -> clinic.policies())
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("alex@example.com")
    void a_partner_cannot_open_the_clinic_settings() {
        navigate("clinic/settings", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
    }
}
