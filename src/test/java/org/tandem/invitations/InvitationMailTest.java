package org.tandem.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.MAIL_OUTBOX;

import jakarta.mail.internet.MimeMessage;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.Role;
import org.tandem.clinic.ClinicLimits;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleAccess;
import org.tandem.mail.TestOutbox;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.InvitationFixtures;
import org.tandem.support.InvitationFixtures.UninvitedCouple;
import org.tandem.support.SignIn;
import org.tandem.support.TestMail;

/** An invitation link (a partner's or a staff member's) is e-mailed to them when mail is configured, and only shown when it is not. */
@IntegrationTest
class InvitationMailTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080/(invitation/[A-Za-z0-9_-]{43})");

    @Autowired InvitationService invitations;
    @Autowired StaffInvitationService staff;
    @Autowired TestOutbox outbox;
    @Autowired TestMail mail;
    @Autowired Fixtures fixtures;
    @Autowired InvitationFixtures invitees;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired PlatformTransactionManager transactions;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** Jordan's couple Lucía Fernández (partner 1) and Marco Rossi, not yet invited; Jordan is signed in. */
    private UninvitedCouple jordansCoupleAndJordanSignedIn() {
        Person therapist = fixtures.therapist(fixtures.clinic("Riverside Counselling"), "Jordan Reyes");
        UninvitedCouple couple = invitees.uninvitedCouple(therapist, "Lucía Fernández", "Marco Rossi");
        signIn.as(therapist.email());
        return couple;
    }

    @Test
    void the_partner_receives_the_link_by_mail_and_can_accept_with_it() {
        UninvitedCouple couple = jordansCoupleAndJordanSignedIn();

        IssuedInvitation issued = invitations.issueForPartner(couple.id(), 1);
        outbox.sendDue();

        assertThat(issued.mailed()).isTrue();
        List<MimeMessage> received = mail.receivedBy(couple.one().email());
        assertThat(received).hasSize(1);
        String text = TestMail.text(received.getFirst());
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("an absolute link in %s", text).isTrue();
        assertThat(link.group(1)).isEqualTo(issued.path());
        assertThat(text).as("no clinical content, not even the clinic or the partner's name")
                .doesNotContain("Riverside", "Lucía", "Marco", "Jordan");
        assertThat(mail.receivedBy(couple.two().email())).isEmpty();

        signIn.out();
        AcceptedInvitation accepted = invitations.accept(
                link.group(1).substring(InvitationService.ACCEPT_ROUTE_PREFIX.length()), "river kettle moss lantern");
        assertThat(accepted.email()).isEqualTo(couple.one().email());
    }

    @Test
    void an_invitation_that_rolls_back_mails_nothing() {
        UninvitedCouple[] couple = new UninvitedCouple[1];
        fixtures.committed(() -> couple[0] = jordansCoupleAndJordanSignedIn());
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        own.executeWithoutResult(change -> {
            invitations.issueForPartner(couple[0].id(), 1);
            change.setRollbackOnly();
        });
        outbox.sendDue();

        assertThat(dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(couple[0].one().email()))).isZero();
        assertThat(mail.receivedBy(couple[0].one().email())).isEmpty();
    }

    @Test
    void without_mail_the_link_is_only_shown_and_nothing_fails(@Autowired InvitationRepository repository,
            @Autowired CoupleAccess access, @Autowired AccountService accounts,
            @Autowired ApplicationEventPublisher events, @Autowired ClinicLimits limits, @Autowired ClinicTime time) {
        InvitationService withoutMail = new InvitationService(repository, access, accounts, events, limits, time,
                new InvitationMail(outbox.unconfigured(), time, "http://localhost:8080", true));
        UninvitedCouple couple = jordansCoupleAndJordanSignedIn();

        IssuedInvitation issued = withoutMail.issueForPartner(couple.id(), 1);
        outbox.sendDue();

        assertThat(issued.mailed()).isFalse();
        assertThat(issued.path()).startsWith(InvitationService.ACCEPT_ROUTE_PREFIX);
        assertThat(dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(couple.one().email()))).isZero();
        assertThat(mail.receivedBy(couple.one().email())).isEmpty();
    }

    @Test
    void an_invited_colleague_receives_the_link_by_mail_and_the_resent_link_replaces_it() {
        Person admin = fixtures.admin(fixtures.clinic("Riverside Counselling"), "Morgan Ellis");
        signIn.as(admin.email());
        String email = "sam.okafor." + System.nanoTime() + "@staff.example";

        IssuedStaffInvitation first = staff.invite(new StaffInvitationData("Sam Okafor", email,
                EnumSet.of(Role.THERAPIST)));
        IssuedStaffInvitation second = staff.resend(first.invitationId());
        outbox.sendDue();

        assertThat(first.mailed()).isTrue();
        assertThat(second.mailed()).isTrue();
        List<String> links = mail.receivedBy(email).stream()
                .map(TestMail::text)
                .map(text -> {
                    Matcher link = LINK.matcher(text);
                    assertThat(link.find()).as("an absolute link in %s", text).isTrue();
                    assertThat(text).doesNotContain("Riverside", "Morgan", "Sam");
                    return link.group(1);
                })
                .toList();
        assertThat(links).containsExactlyInAnyOrder(first.path(), second.path());
    }

    @Test
    void links_must_be_https_unless_plain_http_is_allowed(@Autowired ClinicTime time) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new InvitationMail(outbox.unconfigured(), time, "http://tandem.example.org", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TANDEM_ALLOW_HTTP=true");
        new InvitationMail(outbox.unconfigured(), time, "https://tandem.example.org", false);
        new InvitationMail(outbox.unconfigured(), time, "http://192.168.1.20:8080", true);
    }
}
