package org.tandem.invitations.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.ACCOUNT;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.lang.ref.Reference;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.tandem.accounts.Role;
import org.tandem.accounts.TandemUser;
import org.tandem.invitations.InvitationService;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.InvitationFixtures;
import org.tandem.support.InvitationFixtures.UninvitedCouple;
import org.tandem.support.SignIn;

/** The page an invitation link opens: a usable link offers the password form, any other says why. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
@WithAnonymousUser
class AcceptInvitationViewTest extends SpringBrowserlessTest {

    static final String STRONG = "river kettle moss lantern";

    @Autowired InvitationService invitations;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired InvitationFixtures invitees;
    AuditTrail trail;
    Fixtures.Person therapist;
    Fixtures.Person admin;
    @Autowired org.tandem.invitations.StaffInvitationService staff;
    /** Lucía Fernández (partner 1) and Marco Rossi, the therapist's couple, no accounts yet. */
    UninvitedCouple lucias;
    String lucia;

    /** Committed: a refused link is recorded in a transaction of its own, which must see the clinic. */
    @BeforeEach
    void a_couple_not_yet_invited() {
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Riverside Couples Practice");
            therapist = fixtures.therapist(clinic, "Jordan Reyes");
            admin = fixtures.admin(clinic, "Morgan Ellis");
            lucias = invitees.uninvitedCouple(therapist, "Lucía Fernández", "Marco Rossi");
        });
        lucia = lucias.one().email();
        trail = AuditTrail.from(dsl);
    }

    /**
     * The browserless mock request cannot change its session id; the one this puts in its place counts the calls
     * instead. CurrentInstance holds it weakly: keep the returned request strongly reachable until the test ends.
     */
    private static VaadinServletRequest countingSessionIdChanges(AtomicInteger changes) {
        VaadinServletRequest current = VaadinServletRequest.getCurrent();
        HttpServletRequest counting = new HttpServletRequestWrapper(current.getHttpServletRequest()) {
            @Override
            public String changeSessionId() {
                changes.incrementAndGet();
                return getSession().getId();
            }
        };
        VaadinServletRequest replacement = new VaadinServletRequest(counting, current.getService());
        CurrentInstance.set(VaadinRequest.class, replacement);
        return replacement;
    }

    /** Leaves no signed-in or anonymous context on this thread for the next test class. */
    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** A fresh link for Lucía Fernández, issued by her therapist; the visitor stays anonymous. */
    private String issueForLucia() {
        signIn.as(therapist.email());
        String path = invitations.issueForPartner(lucias.id(), 1).path();
        signIn.anonymous();
        return path;
    }

    private PasswordField password(String label) {
        return $(PasswordField.class).all().stream().filter(f -> label.equals(f.getLabel())).findFirst()
                .orElseThrow();
    }

    private Button submit() {
        return $(Button.class).all().stream().filter(b -> "Create my account".equals(b.getText())).findFirst()
                .orElseThrow();
    }

    private List<String> paragraphs() {
        return $(Paragraph.class).all().stream().map(Paragraph::getText).toList();
    }

    @Test
    void a_usable_link_greets_the_partner_by_first_name_and_names_the_clinic() {
        navigate(issueForLucia(), Component.class);

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AcceptInvitationView");
        assertThat($(H1.class).single().getText()).isEqualTo("Welcome, Lucía");
        assertThat(paragraphs()).contains(
                "Riverside Couples Practice has invited you to Tandem. Choose a password to finish setting up your account.");
        assertThat(password("Password").getHelperText()).startsWith("At least 15 characters.");
    }

    @Test
    void a_bad_link_says_so_and_what_to_do_and_shows_no_form() {
        navigate("invitation/not-a-real-token", Component.class);

        assertThat($(H1.class).single().getText()).isEqualTo("This link can't be used");
        assertThat(paragraphs()).containsExactly(
                "This invitation link is not valid. Check that you copied the whole link.",
                "Ask whoever invited you (your therapist or your clinic) for a new link.");
        assertThat($(PasswordField.class).all()).isEmpty();
    }

    @Test
    void a_used_link_says_it_was_used() {
        String path = issueForLucia();
        invitations.accept(path.substring("invitation/".length()), STRONG);

        navigate(path, Component.class);

        assertThat(paragraphs()).contains(
                "This invitation link has already been used. If you set up your account, sign in instead.",
                "Ask whoever invited you (your therapist or your clinic) for a new link.");
        assertThat($(PasswordField.class).all()).isEmpty();
    }

    @Test
    void a_link_to_an_address_that_already_signs_in_looks_the_same_and_ends_in_neutral_words() {
        Fixtures.Person elsewhere = fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park");
        dsl.update(ACCOUNT).set(ACCOUNT.EMAIL, lucia).where(ACCOUNT.ID.eq(elsewhere.accountId())).execute();
        navigate(issueForLucia(), Component.class);

        assertThat($(H1.class).single().getText()).isEqualTo("Welcome, Lucía");
        test(password("Password")).setValue(STRONG);
        test(password("Repeat the password")).setValue(STRONG);
        test(submit()).click();

        assertThat($(H1.class).single().getText()).isEqualTo("This link can't be used");
        assertThat(paragraphs()).containsExactly(
                "This invitation can't be completed. Your clinic has been told and will contact you.");
        assertThat($(PasswordField.class).all()).isEmpty();
        assertThat(dsl.fetchCount(ACCOUNT, ACCOUNT.EMAIL.eq(lucia))).as("only the other clinic's account").isEqualTo(1);
    }

    @Test
    void a_weak_password_is_explained_beside_the_field_and_nothing_is_created() {
        navigate(issueForLucia(), Component.class);

        test(password("Password")).setValue("password12345678");
        assertThat($(Span.class).all()).extracting(Span::getText).contains("Strength: weak");
        assertThat(password("Password").isInvalid()).as("no error before the first submit").isFalse();
        test(password("Repeat the password")).setValue("password12345678");
        test(submit()).click();

        assertThat(password("Password").isInvalid()).isTrue();
        assertThat(password("Password").getErrorMessage())
                .isEqualTo("This is similar to a commonly used password. Add a few more unrelated words.");
        assertThat(dsl.fetchExists(ACCOUNT, ACCOUNT.EMAIL.eq(lucia))).isFalse();

        test(password("Password")).setValue("short");
        test(submit()).click();
        assertThat(password("Password").getErrorMessage()).isEqualTo("Use at least 15 characters.");
        assertThat(password("Repeat the password").getErrorMessage()).isEqualTo("The two passwords are not the same.");
    }

    @Test
    void accepting_signs_the_partner_in_and_sends_them_to_their_workbook() {
        navigate(issueForLucia(), Component.class);
        AtomicInteger sessionIdChanges = new AtomicInteger();
        VaadinServletRequest replacement = countingSessionIdChanges(sessionIdChanges);
        HttpServletRequest counting = replacement.getHttpServletRequest();

        test(password("Password")).setValue(STRONG);
        test(password("Repeat the password")).setValue(STRONG);
        test(submit()).click();

        assertThat(dsl.fetchExists(ACCOUNT, ACCOUNT.EMAIL.eq(lucia))).isTrue();
        // Read through the request itself: the click may leave no current request behind.
        SecurityContext saved = (SecurityContext) counting.getSession().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(saved).isNotNull();
        TandemUser user = (TandemUser) saved.getAuthentication().getPrincipal();
        assertThat(user.email()).isEqualTo(lucia);
        assertThat(user.roles()).containsExactly(Role.CLIENT);
        assertThat(user.getPassword()).as("no password hash kept in the session").isNull();
        assertThat(sessionIdChanges).hasValue(1);
        assertThat(trail.since("auth.sign-in")).extracting(row -> row.getActor()).containsExactly(lucia);
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .anySatisfy(js -> assertThat(js.getInvocation().getParameters()).contains("workbook"));
        Reference.reachabilityFence(replacement);
    }

    @Test
    void a_staff_link_greets_the_colleague_and_accepting_creates_their_account_and_sends_them_to_the_start_page() {
        signIn.as(admin.email());
        String email = "sam.okoro." + System.nanoTime() + "@staff.example";
        String path = staff.invite(new org.tandem.invitations.StaffInvitationData("Sam Okoro", email,
                java.util.Set.of(Role.ADMIN, Role.THERAPIST))).path();
        signIn.anonymous();

        navigate(path, Component.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Welcome, Sam");
        AtomicInteger sessionIdChanges = new AtomicInteger();
        VaadinServletRequest replacement = countingSessionIdChanges(sessionIdChanges);
        test(password("Password")).setValue(STRONG);
        test(password("Repeat the password")).setValue(STRONG);
        test(submit()).click();

        assertThat(dsl.select(ACCOUNT.CLINIC_ID).from(ACCOUNT).where(ACCOUNT.EMAIL.eq(email))
                .fetchSingle(ACCOUNT.CLINIC_ID)).isEqualTo(admin.clinicId());
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .anySatisfy(js -> assertThat(js.getInvocation().getParameters()).contains("./"));
        assertThat(sessionIdChanges).hasValue(1);
        Reference.reachabilityFence(replacement);
    }

    @Test
    void under_the_clinics_second_factor_policy_a_new_colleague_is_signed_in_only_to_enrol_it() {
        dsl.update(org.tandem.jooq.Tables.CLINIC).set(org.tandem.jooq.Tables.CLINIC.SECOND_FACTOR_REQUIRED, true)
                .where(org.tandem.jooq.Tables.CLINIC.ID.eq(admin.clinicId())).execute();
        signIn.as(admin.email());
        String email = "noor.haddad." + System.nanoTime() + "@staff.example";
        String path = staff.invite(new org.tandem.invitations.StaffInvitationData("Noor Haddad", email,
                java.util.Set.of(Role.THERAPIST))).path();
        signIn.anonymous();

        navigate(path, Component.class);
        AtomicInteger sessionIdChanges = new AtomicInteger();
        VaadinServletRequest replacement = countingSessionIdChanges(sessionIdChanges);
        HttpServletRequest counting = replacement.getHttpServletRequest();
        test(password("Password")).setValue(STRONG);
        test(password("Repeat the password")).setValue(STRONG);
        test(submit()).click();

        SecurityContext saved = (SecurityContext) counting.getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(saved).isNotNull();
        assertThat(saved.getAuthentication()).isInstanceOfSatisfying(org.tandem.accounts.PartialSignIn.class,
                partial -> assertThat(partial.step()).isEqualTo(org.tandem.accounts.PartialSignIn.Step.ENROL));
        assertThat(saved.getAuthentication().getAuthorities()).extracting(Object::toString)
                .as("no role until the second factor is enrolled").noneMatch(authority -> authority.startsWith("ROLE_"));
        assertThat(sessionIdChanges).hasValue(1);
        Reference.reachabilityFence(replacement);
    }
}
