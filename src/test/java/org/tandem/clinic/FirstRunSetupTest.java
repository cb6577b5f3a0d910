package org.tandem.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.CLINIC;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.validation.ConstraintViolationException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.NewAccount;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.ui.LoginView;
import org.tandem.support.AuditTrail;

/** An empty database without the demo: the first visitor sets up the clinic and its first admin. */
@SpringBootTest(properties = "tandem.demo.enabled=false")
@ActiveProfiles("test")
@Transactional
@ViewPackages(packages = "org.tandem")
@WithAnonymousUser
class FirstRunSetupTest extends SpringBrowserlessTest {

    @Autowired ClinicService clinics;
    @Autowired AccountService accounts;
    @Autowired DSLContext dsl;
    @Autowired SetupCode setupCode;

    private TextField field(String label) {
        return $(TextField.class).all().stream().filter(f -> label.equals(f.getLabel())).findFirst().orElseThrow();
    }

    private PasswordField password(String label) {
        return $(PasswordField.class).all().stream().filter(f -> label.equals(f.getLabel())).findFirst()
                .orElseThrow();
    }

    private Button create() {
        return $(Button.class).all().stream().filter(b -> "Create clinic".equals(b.getText())).findFirst()
                .orElseThrow();
    }

    @Test
    void sign_in_page_sends_the_first_visitor_to_setup() {
        navigate("login", Component.class);

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("SetupView");
        assertThat(clinics.isSetUp()).isFalse();
    }

    @Test
    void bad_input_is_explained_beside_each_field_and_nothing_is_written() {
        navigate("setup", Component.class);
        test($(EmailField.class).single()).setValue("not-an-email");
        test(password("Password")).setValue("too-short");
        test(password("Repeat the password")).setValue("different");

        test(create()).click();

        assertThat(field("Clinic name").getErrorMessage()).isEqualTo("Enter the clinic's name.");
        assertThat(field("Your name").getErrorMessage()).isEqualTo("Enter your name.");
        assertThat($(EmailField.class).single().getErrorMessage())
                .isEqualTo("Enter an e-mail address such as name@example.com.");
        assertThat(password("Password").getErrorMessage()).isEqualTo("Use at least 15 and at most 128 characters.");
        assertThat(password("Repeat the password").getErrorMessage()).isEqualTo("The two passwords are not the same.");
        assertThat(clinics.isSetUp()).isFalse();
        assertThat(accounts.anyAccountExists()).isFalse();
    }

    @Test
    void setup_creates_the_clinic_and_its_admin_then_offers_sign_in() {
        String code = setupCode.issue();
        navigate("setup", Component.class);
        test(field("Setup code")).setValue(code.toLowerCase(java.util.Locale.ROOT).replace("-", " "));
        test(field("Clinic name")).setValue("Harbour Relationship Clinic");
        test(field("Your name")).setValue("Jo Admin");
        test($(EmailField.class).single()).setValue("Jo@Harbour.example");
        test(password("Password")).setValue("correct horse battery staple");
        test(password("Repeat the password")).setValue("correct horse battery staple");

        test(create()).click();

        assertThat(clinics.isSetUp()).isTrue();
        assertThat(accounts.emailTaken("jo@harbour.example")).isTrue();
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);

        navigate("setup", Component.class);
        assertThat(getCurrentView()).as("setup is closed once a clinic exists").isInstanceOf(LoginView.class);
        assertThatThrownBy(() -> clinics.setUp(code, new ClinicSetup("Second"),
                new NewAccount("Eve", "eve@example.com", "another-long-password")))
                .as("the code is useless once the clinic exists")
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("setup.error.already-set-up"));
    }

    @Test
    void the_service_itself_refuses_invalid_setup_data() {
        assertThatThrownBy(() -> clinics.setUp(setupCode.issue(), new ClinicSetup(" "), new NewAccount("", "nope", "short")))
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(clinics.isSetUp()).isFalse();
    }

    @Test
    void setup_offers_the_clinics_time_zone_and_leaves_it_to_the_installation_when_empty() {
        String code = setupCode.issue();
        navigate("setup", Component.class);
        test(field("Setup code")).setValue(code);
        @SuppressWarnings("unchecked")
        ComboBox<String> zone = $(ComboBox.class).single();
        assertThat(zone.getValue()).isNull();
        assertThat(zone.getPlaceholder()).isEqualTo("The installation's zone: Europe/Berlin (UTC+02:00)");
        test(field("Clinic name")).setValue("Harbour Relationship Clinic");
        test(zone).selectItem("Asia/Tokyo (UTC+09:00)");
        test(field("Your name")).setValue("Jo Admin");
        test($(EmailField.class).single()).setValue("jo@harbour.example");
        test(password("Password")).setValue("correct horse battery staple");
        test(password("Repeat the password")).setValue("correct horse battery staple");

        test(create()).click();

        assertThat(clinics.isSetUp()).isTrue();
        assertThat(dsl.select(CLINIC.TIME_ZONE).from(CLINIC).fetchSingle(CLINIC.TIME_ZONE)).isEqualTo("Asia/Tokyo");
        assertThatThrownBy(() -> clinics.setUp(code, new ClinicSetup("Second", "Mars/Olympus_Mons"),
                new NewAccount("Eve", "eve@example.com", "another-long-password")))
                .isInstanceOf(ConstraintViolationException.class);
    }

    private void fillTheRest() {
        test(field("Clinic name")).setValue("Harbour Relationship Clinic");
        test(field("Your name")).setValue("Jo Admin");
        test($(EmailField.class).single()).setValue("jo@harbour.example");
        test(password("Password")).setValue("correct horse battery staple");
        test(password("Repeat the password")).setValue("correct horse battery staple");
    }

    @Test
    void a_wrong_setup_code_is_refused_beside_its_field_audited_and_nothing_is_created() {
        setupCode.issue();
        AuditTrail audit = AuditTrail.from(dsl);
        navigate("setup", Component.class);
        test(field("Setup code")).setValue("AAAA-BBBB-CCCC-DDDD");
        fillTheRest();

        test(create()).click();

        assertThat(field("Setup code").getErrorMessage())
                .isEqualTo("This is not the setup code. Copy it from Tandem's log; restarting Tandem prints a new one.");
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("SetupView");
        assertThat(clinics.isSetUp()).isFalse();
        assertThat(accounts.anyAccountExists()).isFalse();
        assertThat(audit.since("setup.code-refused")).singleElement()
                .satisfies(row -> assertThat(String.valueOf(row.getOutcome())).isEqualTo("FAILURE"));
    }

    @Test
    void five_wrong_codes_lock_the_setup_so_that_even_the_right_one_fails() {
        String code = setupCode.issue();
        for (int i = 0; i < SetupCode.MAX_FAILURES - 1; i++) {
            assertThatThrownBy(() -> setupCode.require("WRONG")).isInstanceOfSatisfying(RefusedException.class,
                    refused -> assertThat(refused.messageKey()).isEqualTo("setup.error.code-wrong"));
        }
        navigate("setup", Component.class);
        test(field("Setup code")).setValue("still-wrong");
        fillTheRest();
        test(create()).click();
        assertThat(field("Setup code").getErrorMessage())
                .isEqualTo("Too many wrong setup codes. Wait 15 minutes, then try again.");

        test(field("Setup code")).setValue(code);
        test(create()).click();

        assertThat(field("Setup code").getErrorMessage())
                .isEqualTo("Too many wrong setup codes. Wait 15 minutes, then try again.");
        assertThat(clinics.isSetUp()).isFalse();
    }

    @Test
    void the_code_reads_well_and_comes_from_the_unambiguous_alphabet() {
        String code = setupCode.issue();

        assertThat(code).matches("[" + SetupCode.ALPHABET + "]{4}(-[" + SetupCode.ALPHABET + "]{4}){3}");
        assertThat(SetupCode.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
        assertThat(setupCode.issue()).isNotEqualTo(code);
    }
}
