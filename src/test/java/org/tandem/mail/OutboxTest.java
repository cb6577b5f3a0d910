package org.tandem.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.MAIL_OUTBOX;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.jooq.tables.records.MailOutboxRecord;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.TestClock;
import org.tandem.support.TestMail;

@IntegrationTest
class OutboxTest {

    static final String LINK = "http://localhost:8080/invitation/abc";

    @Autowired Outbox outbox;
    @Autowired TestOutbox testOutbox;
    @Autowired OutboxSender sender;
    @Autowired TestMail mail;
    @Autowired TestClock clock;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired PlatformTransactionManager transactions;

    private static int serial;

    private static String address() {
        return "outbox.test." + System.identityHashCode(new Object()) + "." + (++serial) + "@fixture.example";
    }

    private Mail invitationTo(long clinicId, String to) {
        return new Mail(clinicId, to, Locale.ENGLISH, "mail.invitation.subject", "mail.invitation.body",
                List.of(LINK, "17 June 2026 at 10:30"));
    }

    private MailOutboxRecord rowFor(String to) {
        return dsl.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(to)).fetchSingle();
    }

    /**
     * A clinic committed, for what is written in a transaction of its own; with its admin, as every clinic has one
     * (a clinic without accounts sends the sign-in and setup pages to each other).
     */
    private Fixtures.Clinic committedClinic() {
        Fixtures.Clinic[] clinic = new Fixtures.Clinic[1];
        fixtures.committed(() -> {
            clinic[0] = fixtures.clinic("Riverside Counselling");
            fixtures.admin(clinic[0], "Morgan Office");
        });
        return clinic[0];
    }

    private TransactionTemplate ownTransaction() {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return own;
    }

    @Test
    void a_mail_is_rendered_and_queued_in_the_callers_transaction_then_delivered() {
        Fixtures.Clinic clinic = fixtures.clinic("Riverside Counselling");
        String to = address();

        outbox.enqueue(invitationTo(clinic.id(), to));

        MailOutboxRecord queued = rowFor(to);
        assertThat(queued.getStatus()).isEqualTo(MailStatus.PENDING);
        assertThat(queued.getClinicId()).isEqualTo(clinic.id());
        assertThat(queued.getSubject()).isEqualTo("Your invitation to Tandem");
        assertThat(queued.getBody()).contains(LINK, "until 17 June 2026 at 10:30");
        assertThat(queued.getNextAttemptAt().toInstant()).isEqualTo(TestClock.START);
        assertThat(mail.receivedBy(to)).as("nothing is sent while the change is being made").isEmpty();

        testOutbox.sendDue();

        List<MimeMessage> received = mail.receivedBy(to);
        assertThat(received).hasSize(1);
        MimeMessage message = received.getFirst();
        assertThat(subject(message)).isEqualTo("Your invitation to Tandem");
        assertThat(TestMail.text(message)).contains(LINK).doesNotContain("Riverside");
        MailOutboxRecord sent = rowFor(to);
        assertThat(sent.getStatus()).isEqualTo(MailStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(sent.getSentAt().toInstant()).isEqualTo(TestClock.START);
        assertThat(sent.getBody()).as("the link is not kept once sent").isNull();

        testOutbox.sendDue();
        assertThat(mail.receivedBy(to)).as("a sent mail is sent once").hasSize(1);
    }

    @Test
    void a_change_that_rolls_back_sends_nothing() {
        Fixtures.Clinic clinic = committedClinic();
        String to = address();

        ownTransaction().executeWithoutResult(change -> {
            outbox.enqueue(invitationTo(clinic.id(), to));
            change.setRollbackOnly(); // the change that caused the mail fails
        });
        testOutbox.sendDue();

        assertThat(dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(to))).isZero();
        assertThat(mail.receivedBy(to)).isEmpty();
    }

    @Test
    void a_mail_is_queued_only_inside_a_transaction() {
        TransactionTemplate none = new TransactionTemplate(transactions);
        none.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);

        assertThatThrownBy(() -> none.executeWithoutResult(
                status -> outbox.enqueue(invitationTo(1, address()))))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void a_mail_server_that_is_down_loses_nothing_and_is_tried_again_later_and_later() {
        Fixtures.Clinic clinic = fixtures.clinic("Riverside Counselling");
        String to = address();
        outbox.enqueue(invitationTo(clinic.id(), to));

        mail.whileDown(() -> {
            testOutbox.sendDue();

            MailOutboxRecord first = rowFor(to);
            assertThat(first.getStatus()).isEqualTo(MailStatus.PENDING);
            assertThat(first.getAttempts()).isEqualTo(1);
            assertThat(first.getLastError()).startsWith("MailSendException");
            assertThat(first.getNextAttemptAt().toInstant()).isEqualTo(TestClock.START.plus(Duration.ofMinutes(1)));
            assertThat(first.getBody()).as("kept for the next attempt").contains(LINK);

            clock.advance(Duration.ofSeconds(59));
            testOutbox.sendDue();
            assertThat(rowFor(to).getAttempts()).as("not before its time").isEqualTo(1);

            clock.advance(Duration.ofSeconds(1));
            testOutbox.sendDue();
            MailOutboxRecord second = rowFor(to);
            assertThat(second.getAttempts()).isEqualTo(2);
            assertThat(second.getNextAttemptAt().toInstant())
                    .as("twice as long after the second failure")
                    .isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        });

        clock.advance(Duration.ofMinutes(1));
        testOutbox.sendDue();
        assertThat(mail.receivedBy(to)).as("the server is back, but the row's time has not come").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        testOutbox.sendDue();
        assertThat(mail.receivedBy(to)).hasSize(1);
        MailOutboxRecord sent = rowFor(to);
        assertThat(sent.getStatus()).isEqualTo(MailStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(3);
    }

    @Test
    void waits_double_after_each_failure_up_to_six_hours() {
        assertThat(List.of(1, 2, 3, 4, 9, 10, 60).stream().map(sender::waitAfter).toList()).containsExactly(
                Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
                Duration.ofMinutes(256), Duration.ofHours(6), Duration.ofHours(6));
    }

    @Test
    void a_mail_is_given_up_after_its_last_attempt_logged_and_audited() {
        Fixtures.Clinic clinic = committedClinic(); // the audit row of a failure is written in a transaction of its own
        AuditTrail trail = AuditTrail.from(dsl);
        String to = address();
        outbox.enqueue(invitationTo(clinic.id(), to));

        mail.whileDown(() -> {
            for (int attempt = 1; attempt <= 9; attempt++) {
                testOutbox.sendDue();
                assertThat(rowFor(to).getStatus()).isEqualTo(MailStatus.PENDING);
                clock.advance(OutboxSender.LONGEST_WAIT);
            }
            testOutbox.sendDue();
        });

        MailOutboxRecord failed = rowFor(to);
        assertThat(failed.getStatus()).isEqualTo(MailStatus.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(10);
        assertThat(failed.getLastError()).isNotBlank();
        assertThat(failed.getBody()).isNull();
        List<AuditEventRecord> givenUp = trail.since("mail.given-up").stream()
                .filter(row -> row.getSubjectId() == failed.getId().longValue()).toList();
        assertThat(givenUp).singleElement().satisfies(row -> {
            assertThat(row.getClinicId()).isEqualTo(clinic.id());
            assertThat(row.getOutcome()).isEqualTo(Outcome.FAILURE);
            assertThat(row.getSubjectType()).isEqualTo("mail_outbox");
            assertThat(row.getDetail()).startsWith("mail.invitation.subject after 10 attempts: ").doesNotContain(to);
        });

        clock.advance(Duration.ofDays(1));
        testOutbox.sendDue();
        assertThat(mail.receivedBy(to)).as("given up for good").isEmpty();
    }

    @Test
    void a_row_that_another_instance_is_sending_is_skipped_not_sent_twice() throws Exception {
        String to = address();
        Fixtures.Clinic clinic = committedClinic();
        fixtures.committed(() -> outbox.enqueue(invitationTo(clinic.id(), to)));
        long id = rowFor(to).getId();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherInstance = Executors.newSingleThreadExecutor();
        try {
            Future<?> holding = otherInstance.submit(() -> ownTransaction().executeWithoutResult(status -> {
                dsl.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.ID.eq(id)).forUpdate().fetchSingle();
                locked.countDown();
                await(release);
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            testOutbox.sendDue(); // does not wait for the lock, and does not send the locked row

            assertThat(mail.receivedBy(to)).isEmpty();
            release.countDown();
            holding.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            otherInstance.shutdown();
        }
        ownTransaction().executeWithoutResult(status -> testOutbox.sendDue()); // committed: no other test sends it again
        assertThat(mail.receivedBy(to)).hasSize(1);
    }

    @Test
    void without_a_mail_server_configured_nothing_is_queued_and_nothing_fails() {
        Fixtures.Clinic clinic = fixtures.clinic("Riverside Counselling");
        Outbox unconfigured = testOutbox.unconfigured();
        String to = address();

        assertThat(unconfigured.configured()).isFalse();
        unconfigured.enqueue(invitationTo(clinic.id(), to));

        assertThat(dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(to))).isZero();
        assertThat(outbox.configured()).as("the tests' own mail server").isTrue();
    }

    @Test
    void an_address_that_is_not_one_is_refused_when_queued() {
        Fixtures.Clinic clinic = fixtures.clinic("Riverside Counselling");

        assertThatThrownBy(() -> outbox.enqueue(invitationTo(clinic.id(), "not an address")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
