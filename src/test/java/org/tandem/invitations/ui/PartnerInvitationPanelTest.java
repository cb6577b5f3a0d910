package org.tandem.invitations.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.clinic.ClinicTime;
import org.tandem.invitations.InvitationRefusedException;
import org.tandem.invitations.InvitationService;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.InvitationFixtures;
import org.tandem.support.SignIn;

/** The invitation panel as the couple's Partners tab shows it to the couple's therapist. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class PartnerInvitationPanelTest extends SpringBrowserlessTest {

    @Autowired ClinicTime time;
    @Autowired InvitationService invitations;
    @Autowired DSLContext dsl;
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    @Autowired InvitationFixtures invitees;
    Fixtures.Person therapist;
    Fixtures.Person colleague;
    @Autowired org.tandem.support.TestClock clock;
    /** The therapist's couple, Lucía Fernández (partner 1) and Marco Rossi, without accounts or invitations. */
    long couple;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @BeforeEach
    void open_any_page() {
        // Committed: refusals are recorded in a transaction of their own, which must see the clinic and accounts.
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Riverside Couples Practice");
            therapist = fixtures.therapist(clinic, "Jordan Reyes");
            colleague = fixtures.therapist(clinic, "Sam Okafor");
            couple = invitees.uninvitedCouple(therapist, "Lucía Fernández", "Marco Rossi").id();
        });
        signIn.as(therapist.email());
        navigate("caseload", Component.class);
    }

    private PartnerInvitationPanel show(long coupleId, int position, boolean hasEmail, boolean hasAccount) {
        PartnerInvitationPanel panel = new PartnerInvitationPanel(invitations, coupleId, position, hasEmail,
                hasAccount, time);
        UI.getCurrent().add(panel);
        return panel;
    }

    private List<String> texts(Component panel) {
        return $(Paragraph.class, panel).all().stream().filter(Component::isVisible).map(Paragraph::getText)
                .toList();
    }

    private Button button(Component panel, String text) {
        return $(Button.class, panel).all().stream().filter(b -> b.isVisible() && text.equals(b.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no button " + text));
    }

    @Test
    void issuing_shows_the_link_once_and_a_new_link_replaces_it() {
        PartnerInvitationPanel panel = show(couple, 1, true, false);
        assertThat(texts(panel)).contains("No invitation yet.");

        test(button(panel, "Create invitation link")).click();

        TextField link = $(TextField.class, panel).single();
        assertThat(link.getLabel()).isEqualTo("Invitation link");
        assertThat(link.isReadOnly()).isTrue();
        assertThat(link.getValue()).as("absolute").matches("https?://[^/]+/(.+/)?invitation/[A-Za-z0-9_-]{43}");
        assertThat(texts(panel)).anySatisfy(text -> assertThat(text).startsWith("Invitation pending"))
                .anySatisfy(text -> assertThat(text).startsWith("Copy this link now"))
                .anySatisfy(text -> assertThat(text).startsWith("The link has also been e-mailed to the partner."));
        assertThat($(Button.class, panel).all()).extracting(Button::getText).contains("Copy link");
        String first = token(link.getValue());
        assertThat(invitations.preview(first).firstName()).isEqualTo("Lucía");

        clock.advance(java.time.Duration.ofMinutes(2)); // within a minute, the same link again is a double click
        test(button(panel, "Create a new link")).click();

        String second = token($(TextField.class, panel).single().getValue());
        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> invitations.preview(first)).isInstanceOfSatisfying(InvitationRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(InvitationRefusedException.Reason.VOIDED));

        PartnerInvitationPanel reopened = show(couple, 1, true, false);
        assertThat(texts(reopened)).anySatisfy(text -> assertThat(text).startsWith("Invitation pending"));
        assertThat($(TextField.class, reopened).all()).as("the link is not shown again").isEmpty();
    }

    @Test
    void a_partner_with_an_account_or_without_e_mail_gets_no_button() {
        PartnerInvitationPanel accepted = show(fixtures.couple(therapist, "Alex Morgan", "Sam Morgan").id(), 1, true, true);
        assertThat(texts(accepted)).containsExactly("Has accepted the invitation and can sign in.");
        assertThat($(Button.class, accepted).all()).isEmpty();

        PartnerInvitationPanel noEmail = show(couple, 2, false, false);
        assertThat(texts(noEmail)).containsExactly("Add an e-mail address for this partner to invite them.");
        assertThat($(Button.class, noEmail).all()).isEmpty();
    }

    @Test
    void another_therapists_couple_is_refused() {
        assertThatThrownBy(() -> show(fixtures.couple(colleague, "Maya Johnson", "Chris Johnson").id(), 1, true, false))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
