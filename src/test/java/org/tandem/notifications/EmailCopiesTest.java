package org.tandem.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.MAIL_OUTBOX;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.mail.TestOutbox;
import org.tandem.sessions.SessionService;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Partner;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TestMail;
import org.tandem.support.TestModules;

/**
 * E-mail copies of notifications, read from the test mail server: one per person and kind per 15 minutes, only for
 * the kinds the person wants by e-mail, and never a clinical word.
 */
@IntegrationTest
class EmailCopiesTest {

    static final String MESSAGE_SUBJECT = "You have a new message in Tandem";

    @Autowired Notifications notifications;
    @Autowired NotificationSettingsService settings;
    @Autowired EmailChoiceRepository choices;
    @Autowired TestOutbox outbox;
    @Autowired TestMail mail;
    @Autowired TestClock clock;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired SessionService sessions;
    @Autowired DSLContext dsl;
    Fixtures.Clinic clinic;
    Person therapist;
    Couple couple;

    @BeforeEach
    void prepare() {
        clinic = fixtures.clinic("Riverside Couples Practice");
        therapist = fixtures.therapist(clinic, "Dr. Jordan Reyes");
        couple = fixtures.couple(therapist, "Alex Morgan", "Samira Patel");
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    void notify(long accountId, NotificationKind kind, String detail) {
        notifications.send(List.of(new NewNotification(clinic.id(), accountId, kind, couple.id(), "my-workbook",
                detail, null)));
    }

    List<MimeMessage> received(String address, String subject) {
        outbox.sendDue();
        return mail.receivedBy(address).stream().filter(message -> subject.equals(subject(message))).toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    @Test
    void ten_messages_in_a_row_are_one_mail_and_the_next_after_15_minutes_another() {
        String alex = couple.one().email();
        for (int i = 0; i < 10; i++) {
            notify(couple.one().accountId(), NotificationKind.MESSAGE, "Message " + i);
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(received(alex, MESSAGE_SUBJECT)).hasSize(1);

        clock.set(TestClock.START.plus(Duration.ofMinutes(14)));
        notify(couple.one().accountId(), NotificationKind.MESSAGE, "Message 11");
        assertThat(received(alex, MESSAGE_SUBJECT)).as("within 15 minutes of the first mail").hasSize(1);

        clock.set(TestClock.START.plus(Duration.ofMinutes(15)));
        notify(couple.one().accountId(), NotificationKind.MESSAGE, "Message 12");
        List<MimeMessage> two = received(alex, MESSAGE_SUBJECT);
        assertThat(two).hasSize(2);
        assertThat(TestMail.text(two.getLast())).contains("Something new is waiting for you in Tandem",
                "http://localhost:8080/");
    }

    @Test
    void each_kind_has_its_own_quarter_of_an_hour_and_each_person_their_own() {
        notify(couple.one().accountId(), NotificationKind.MESSAGE, "Hello");
        notify(couple.one().accountId(), NotificationKind.MODULE_ASSIGNED, "Listening well");
        notify(couple.two().accountId(), NotificationKind.MESSAGE, "Hello");

        outbox.sendDue();
        assertThat(mail.receivedBy(couple.one().email())).extracting(EmailCopiesTest::subject)
                .containsExactlyInAnyOrder(MESSAGE_SUBJECT, "Something new is waiting for you in Tandem");
        assertThat(received(couple.two().email(), MESSAGE_SUBJECT)).hasSize(1);
    }

    @Test
    void a_kind_chosen_in_the_app_only_sends_no_mail_and_a_therapist_gets_none_by_default() {
        signIn.as(couple.one().email());
        settings.save(EnumSet.of(NotificationKind.FEEDBACK_GIVEN));
        signIn.out();

        notify(couple.one().accountId(), NotificationKind.MESSAGE, "Hello");
        notify(couple.one().accountId(), NotificationKind.FEEDBACK_GIVEN, "On Listening well");
        notify(therapist.accountId(), NotificationKind.MESSAGE, "Hello");
        notify(therapist.accountId(), NotificationKind.MODULE_SUBMITTED, "Listening well");

        outbox.sendDue();
        assertThat(mail.receivedBy(couple.one().email())).extracting(EmailCopiesTest::subject)
                .containsExactly("Something new is waiting for you in Tandem");
        assertThat(mail.receivedBy(therapist.email())).isEmpty();
    }

    @Test
    void without_a_mail_server_nothing_is_queued() {
        EmailCopies unconfigured = new EmailCopies(outbox.unconfigured(), choices, "http://localhost:8080");
        unconfigured.queue(new NewNotification(clinic.id(), couple.one().accountId(), NotificationKind.MESSAGE,
                couple.id(), "messages", null, null), clock.instant());

        assertThat(dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(couple.one().email()))).isZero();
    }

    @Test
    void no_mail_carries_a_clinical_word_nor_a_notifications_detail() {
        Person vale = fixtures.therapist(clinic, "Dr. Octavia Bramblecombe");
        Couple quills = fixtures.couple(vale, "Zephyrine Quillfeather", "Barnaby Thistlewood");
        String module = "Rebuilding Trust After the Affair";
        String answer = "I still resent the move to Marseille";
        String note = "Discussed the miscarriage and the gambling debt";
        long moduleId = TestModules.publish(dsl, vale.email(), TestModules.everyKind(module));
        fixtures.assignment(vale, quills, moduleId, quills.two(), "feel", answer);
        long session = fixtures.session(vale, quills, TestClock.TODAY.plusDays(3).atTime(9, 0));
        signIn.during(vale.email(), () -> sessions.saveNote(session, 0, note));
        List<String> clinical = List.of("Zephyrine", "Quillfeather", "Barnaby", "Thistlewood", "Bramblecombe",
                module, "Rebuilding", "Affair", answer, "Marseille", note, "miscarriage", "gambling",
                "Riverside");
        // Everyone wants everything by e-mail.
        for (String email : List.of(quills.one().email(), quills.two().email(), vale.email())) {
            signIn.during(email, () -> {
                settings.save(Set.copyOf(settings.mine().choices().stream().map(EmailChoice::kind).toList()));
                return null;
            });
        }

        List<String> details = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            for (long account : List.of(quills.one().accountId(), quills.two().accountId(), vale.accountId())) {
                String detail = module + " — " + quills.one().name() + ": " + answer + " / " + note;
                details.add(detail);
                notifications.send(List.of(new NewNotification(clinic.id(), account, kind, quills.id(),
                        "couples/" + quills.id(), detail, null)));
            }
        }

        outbox.sendDue();
        List<MimeMessage> mails = new ArrayList<>();
        for (Partner partner : List.of(quills.one(), quills.two())) {
            mails.addAll(mail.receivedBy(partner.email()));
        }
        mails.addAll(mail.receivedBy(vale.email()));
        assertThat(mails).as("one per person and kind that concerns them").hasSizeGreaterThanOrEqualTo(8 + 8 + 7);
        for (MimeMessage message : mails) {
            String whole = subject(message) + "\n" + TestMail.text(message);
            assertThat(whole).contains("Tandem");
            for (String word : clinical) {
                assertThat(whole).as("a mail names nothing clinical").doesNotContainIgnoringCase(word);
            }
            for (String detail : details) {
                assertThat(whole).doesNotContain(detail);
            }
        }
    }
}
