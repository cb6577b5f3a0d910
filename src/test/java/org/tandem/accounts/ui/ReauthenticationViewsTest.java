package org.tandem.accounts.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.SECOND_FACTOR;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.Role;
import org.tandem.accounts.SecondFactorService;
import org.tandem.audit.AuditLogService;
import org.tandem.audit.ui.AuditRoutes;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TotpCodes;

/**
 * The passphrase asked again in the views, browserless: a user's page (roles, resetting the second factor) and the
 * audit log's export open the re-authentication dialog when the passphrase is more than 5 minutes old and do the act
 * after it; a wrong passphrase and the lock-out are said beside the field; the sign-in's code step says when the
 * account is locked.
 */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class ReauthenticationViewsTest extends SpringBrowserlessTest {

    static final Duration STALE = Duration.ofMinutes(5).plusSeconds(1);

    @Autowired AccountService accounts;
    @Autowired SecondFactorService secondFactor;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired TestClock clock;

    Person admin;
    Person jordan;

    @BeforeEach
    void a_clinic() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(clinic, "Morgan Ellis");
            jordan = fixtures.therapist(clinic, "Jordan Reyes");
        });
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest() instanceof MockHttpServletRequest request) {
            request.setRemoteAddr("198.51.100." + (admin.accountId() % 250 + 1));
        }
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_fresh_passphrase_changes_roles_at_once() {
        signIn.as(admin.email());
        navigate(AccountRoutes.user(jordan.accountId()), Component.class);

        test($(CheckboxGroup.class).single()).selectItem("Admin");
        test(button("Save roles")).click();

        assertThat($(Dialog.class).all()).isEmpty();
        assertThat(accounts.account(jordan.accountId()).roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.THERAPIST);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_stale_passphrase_is_asked_for_before_roles_change_and_a_wrong_one_is_said_beside_the_field() {
        signIn.as(admin.email());
        navigate(AccountRoutes.user(jordan.accountId()), Component.class);
        clock.advance(STALE);
        AuditTrail trail = AuditTrail.from(dsl);

        test($(CheckboxGroup.class).single()).selectItem("Admin");
        test(button("Save roles")).click();

        Dialog dialog = $(Dialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Confirm your passphrase");
        assertThat(accounts.account(jordan.accountId()).roles()).containsExactly(Role.THERAPIST);

        PasswordField passphrase = $(PasswordField.class, dialog).single();
        test(passphrase).setValue("not my passphrase");
        test(button("Confirm")).click();
        assertThat(passphrase.isInvalid()).isTrue();
        assertThat(passphrase.getErrorMessage()).isEqualTo("That is not your passphrase.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(trail.since("auth.reauthenticate")).singleElement()
                .satisfies(row -> assertThat(row.getOutcome().name()).isEqualTo("FAILURE"));

        test(passphrase).setValue(Fixtures.PASSWORD);
        test(button("Confirm")).click();

        assertThat($(Dialog.class).all()).isEmpty();
        assertThat(accounts.account(jordan.accountId()).roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.THERAPIST);
    }

    @Test
    void resetting_a_second_factor_waits_for_the_passphrase_and_cancel_leaves_it_in_place() {
        enrol(jordan);
        signIn.as(admin.email());
        navigate(AccountRoutes.user(jordan.accountId()), Component.class);
        clock.advance(STALE);

        test(button("Reset their second factor")).click();
        test(button("Cancel")).click();
        assertThat($(Dialog.class).all()).isEmpty();
        assertThat(dsl.fetchExists(SECOND_FACTOR, SECOND_FACTOR.ACCOUNT_ID.eq(jordan.accountId()))).isTrue();

        test(button("Reset their second factor")).click();
        test($(PasswordField.class, $(Dialog.class).single()).single()).setValue(Fixtures.PASSWORD);
        test(button("Confirm")).click();
        assertThat(dsl.fetchExists(SECOND_FACTOR, SECOND_FACTOR.ACCOUNT_ID.eq(jordan.accountId()))).isFalse();
    }

    @Test
    void five_wrong_passphrases_in_the_dialog_say_the_account_is_paused() {
        signIn.as(admin.email());
        navigate(AccountRoutes.user(jordan.accountId()), Component.class);
        clock.advance(STALE);
        test(button("Save roles")).click();
        PasswordField passphrase = $(PasswordField.class, $(Dialog.class).single()).single();

        for (int i = 0; i < 5; i++) {
            test(passphrase).setValue("wrong passphrase");
            test(button("Confirm")).click();
        }
        test(passphrase).setValue(Fixtures.PASSWORD);
        test(button("Confirm")).click();

        assertThat(passphrase.getErrorMessage()).startsWith("Too many wrong passphrases or codes")
                .contains("15 minutes");
        assertThat($(Dialog.class).all()).hasSize(1);
    }

    @Test
    void with_a_stale_passphrase_the_audit_export_is_a_button_that_asks_for_it_then_offers_the_download()
            throws Exception {
        signIn.as(admin.email());
        clock.advance(STALE);
        navigate(AuditRoutes.AUDIT_LOG, Component.class);
        AuditTrail trail = AuditTrail.from(dsl);

        assertThat($(Anchor.class).withId("audit-export").all()).as("no download link while stale").isEmpty();
        test($(Button.class).id("audit-export-confirm")).click();
        test($(PasswordField.class, $(Dialog.class).single()).single()).setValue(Fixtures.PASSWORD);
        test(button("Confirm")).click();

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        test($(Anchor.class).id("audit-export")).download(file);
        assertThat(file.toString(StandardCharsets.UTF_8).lines().findFirst()).hasValue(
                String.join(",", AuditLogService.CSV_HEADER));
        assertThat(trail.since("audit.export")).singleElement()
                .satisfies(row -> assertThat(row.getOutcome().name()).isEqualTo("SUCCESS"));
    }

    @Test
    void the_sign_ins_code_step_says_when_wrong_codes_have_locked_the_account() {
        byte[] secret = enrol(jordan);
        clock.advance(Duration.ofMinutes(1));
        signIn.passphrase(jordan.email());
        navigate(AccountRoutes.SECOND_FACTOR_CODE, Component.class);
        TextField code = $(TextField.class).single();
        String right = TotpCodes.code(secret, clock.instant());

        for (int i = 0; i < 5; i++) {
            test(code).setValue(TotpCodes.wrong(right));
            test(button("Continue")).click();
        }
        test(code).setValue(right);
        test(button("Continue")).click();

        assertThat(code.getErrorMessage()).startsWith("Too many wrong passphrases or codes");
    }

    private byte[] enrol(Person person) {
        return signIn.during(person.email(), () -> {
            byte[] secret = TotpCodes.secret(secondFactor.startEnrolment().typedKey());
            secondFactor.confirmEnrolment(TotpCodes.code(secret, clock.instant()));
            return secret;
        });
    }

    private Button button(String text) {
        return $(Button.class).all().stream().filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }
}
