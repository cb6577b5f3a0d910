package org.tandem.passwordreset.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.PASSWORD_RESET;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.AbstractLogin;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.tandem.accounts.CurrentUser;
import org.tandem.passwordreset.PasswordResetService;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

/** The sign-in page's "Forgot your password?", the page that asks for the e-mail, and the page a link opens. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
@WithAnonymousUser
class PasswordResetPagesTest extends SpringBrowserlessTest {

    private static final String STRONG = "river kettle moss lantern";
    private static final String MAILED = "If an account signs in with this address, we have sent it a link to choose "
            + "a new password. The link works once, for one hour. If nothing arrives within a few minutes, check your "
            + "spam folder or ask your clinic.";

    @Autowired PasswordResetService resets;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    Person admin;
    Person therapist;

    /** Committed: a refused link is recorded in a transaction of its own, which must see the clinic. */
    @BeforeEach
    void a_clinic() {
        fixtures.committed(() -> {
            var clinic = fixtures.clinic("Harbour Couples Practice");
            admin = fixtures.admin(clinic, "Morgan Hale");
            therapist = fixtures.therapist(clinic, "Robin Ashby");
        });
        signIn.anonymous();
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void the_sign_in_page_offers_forgot_password_and_leads_to_its_page() {
        navigate("login", Component.class);
        LoginForm form = $(LoginForm.class).single();
        assertThat(form.isForgotPasswordButtonVisible()).isTrue();
        assertThat(String.valueOf(form.getElement().getPropertyRaw("i18n"))).contains("Forgot your password?");

        ComponentUtil.fireEvent(form, new AbstractLogin.ForgotPasswordEvent(form, true));

        assertThat(getCurrentView().getClass()).isEqualTo(ForgotPasswordView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Forgot your password?");
    }

    @Test
    void a_known_and_an_unknown_address_read_the_same_answer() {
        assertThat(answerFor(therapist.email())).containsExactly(MAILED);
        assertThat(answerFor("nobody.here@fixture.example")).containsExactly(MAILED);
        assertThat(dsl.fetchCount(PASSWORD_RESET, PASSWORD_RESET.ACCOUNT_ID.eq(therapist.accountId()))).isOne();
    }

    @Test
    void a_malformed_address_is_explained_beside_the_field_and_asks_nothing() {
        navigate("forgot-password", Component.class);
        test($(EmailField.class).single()).setValue("not an address");
        test(button("Send me a link")).click();

        assertThat($(EmailField.class).single().isInvalid()).isTrue();
        assertThat($(EmailField.class).single().getErrorMessage())
                .isEqualTo("Enter an e-mail address such as name@example.com.");
        assertThat(paragraphs()).doesNotContain(MAILED);
    }

    @Test
    void a_weak_password_is_explained_beside_the_field_and_nothing_changes() {
        String before = passwordHash();
        navigate(adminIssuedPath(), Component.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Choose a new password");
        assertThat(paragraphs()).contains("For the account " + therapist.email()
                + ". You sign in with the new password afterwards.");

        test(password("Password")).setValue("password12345678");
        test(password("Repeat the password")).setValue("password12345678");
        test(button("Save the new password")).click();

        assertThat(password("Password").isInvalid()).isTrue();
        assertThat(password("Password").getErrorMessage())
                .isEqualTo("This is similar to a commonly used password. Add a few more unrelated words.");
        assertThat(passwordHash()).isEqualTo(before);
        assertThat(dsl.fetchValue(PASSWORD_RESET.USED_AT, PASSWORD_RESET.ACCOUNT_ID.eq(therapist.accountId())))
                .isNull();
    }

    @Test
    void a_strong_password_is_saved_and_the_person_is_sent_to_sign_in_not_signed_in() {
        navigate(adminIssuedPath(), Component.class);

        test(password("Password")).setValue(STRONG);
        test(password("Repeat the password")).setValue(STRONG);
        test(button("Save the new password")).click();

        assertThat($(H1.class).single().getText()).isEqualTo("Your password has been changed");
        assertThat(paragraphs()).containsExactly("Sign in with your new password.");
        assertThat(encoder.matches(STRONG, passwordHash())).isTrue();
        assertThat(CurrentUser.find()).isEmpty();
    }

    @Test
    void a_bad_link_says_so_and_shows_no_form() {
        navigate("reset-password/not-a-real-token", Component.class);

        assertThat($(H1.class).single().getText()).isEqualTo("This link can't be used");
        assertThat(paragraphs()).containsExactly("This link is not valid. Check that you copied the whole link.");
        assertThat($(PasswordField.class).all()).isEmpty();
    }

    private List<String> answerFor(String email) {
        navigate("forgot-password", Component.class);
        test($(EmailField.class).single()).setValue(email);
        test(button("Send me a link")).click();
        return paragraphs();
    }

    /** A link the clinic's admin issued for the therapist; the visitor is anonymous again afterwards. */
    private String adminIssuedPath() {
        signIn.as(admin.email());
        String link = resets.issueFor(therapist.accountId()).link();
        signIn.anonymous();
        return link.substring("http://localhost:8080/".length());
    }

    private String passwordHash() {
        return dsl.fetchValue(ACCOUNT.PASSWORD_HASH, ACCOUNT.ID.eq(therapist.accountId()));
    }

    private PasswordField password(String label) {
        return $(PasswordField.class).all().stream().filter(f -> label.equals(f.getLabel())).findFirst()
                .orElseThrow();
    }

    private Button button(String text) {
        return $(Button.class).all().stream().filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    private List<String> paragraphs() {
        return $(Paragraph.class).all().stream().map(Paragraph::getText).toList();
    }
}
