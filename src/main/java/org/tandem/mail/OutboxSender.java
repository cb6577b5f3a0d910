package org.tandem.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.database.OnceAcrossInstances;
import org.tandem.database.TenantScope;
import org.tandem.mail.OutboxRepository.Due;

/**
 * Delivers the outbox: at every {@code tandem.mail.send-cron} (every 30 seconds) it sends the rows whose time has come, each in a
 * transaction of its own that holds the row's lock while the mail server answers, so a second instance of Tandem
 * skips it instead of sending it again. A failed attempt is retried after {@code tandem.mail.first-retry-after},
 * then twice as long each time (at most {@link #LONGEST_WAIT}); after {@code tandem.mail.max-attempts} the row is
 * marked failed, logged and recorded in the audit trail ({@link MailGivenUp}). Times come from the application's
 * clock. Tests switch the schedule off and call {@link #sendDue()} themselves.
 */
@Component
@EnableScheduling
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    /** The longest wait between two attempts, however many failed before. */
    static final Duration LONGEST_WAIT = Duration.ofHours(6);

    /** Rows sent in one run at most, so one run never holds the scheduler for long. */
    private static final int PER_RUN = 100;

    private final ObjectProvider<JavaMailSender> mailSender;
    private final OutboxRepository rows;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate eachRow;
    private final String from;
    private final int maxAttempts;
    private final Duration firstRetryAfter;
    private final OnceAcrossInstances once;

    OutboxSender(ObjectProvider<JavaMailSender> mailSender, OutboxRepository rows, ApplicationEventPublisher events,
            Clock clock, PlatformTransactionManager transactions, OnceAcrossInstances once,
            @Value("${tandem.mail.from:Tandem <no-reply@localhost>}") String from,
            @Value("${tandem.mail.max-attempts:10}") int maxAttempts,
            @Value("${tandem.mail.first-retry-after:1m}") Duration firstRetryAfter) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("tandem.mail.max-attempts must be at least 1");
        }
        this.mailSender = mailSender;
        this.rows = rows;
        this.events = events;
        this.clock = clock;
        this.eachRow = new TransactionTemplate(transactions);
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.firstRetryAfter = firstRetryAfter;
        this.once = once;
    }

    /** The scheduled firing of {@link #sendDue}, on one instance of several (decision 037); empty when skipped. */
    @Scheduled(cron = "${tandem.mail.send-cron:*/30 * * * * *}")
    Optional<Integer> sendDueOnce() {
        return once.onSchedule("mail-outbox", this::sendDue);
    }

    /** Sends every row that is due; returns how many were delivered. */
    int sendDue() {
        // A job with no one signed in, over every clinic's mail (decision 029).
        return TenantScope.installation(this::sendDueOfEveryClinic);
    }

    private int sendDueOfEveryClinic() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int delivered = 0;
        for (int tried = 0; tried < PER_RUN; tried++) {
            Optional<Boolean> attempt = eachRow.execute(status -> rows.lockNextDue(clock.instant())
                    .map(due -> attempt(sender, due)));
            if (attempt == null || attempt.isEmpty()) {
                break;
            }
            if (attempt.get()) {
                delivered++;
            }
        }
        return delivered;
    }

    /** One attempt at one locked row; whether the mail server took it. */
    private boolean attempt(JavaMailSender sender, Due due) {
        int attempts = due.attempts() + 1;
        try {
            sender.send(message(sender, due));
            rows.markSent(due.id(), attempts, clock.instant());
            return true;
        } catch (MessagingException | RuntimeException failed) { // a MailException, mostly; any other must not block the queue
            String error = describe(failed);
            if (attempts >= maxAttempts) {
                rows.markFailed(due.id(), attempts, error);
                log.warn("Gave up mail {} ({}, clinic {}) after {} attempts: {}", due.id(),
                        due.subjectKey(), due.clinicId(), attempts, error);
                events.publishEvent(new MailGivenUp(due.clinicId(), due.id(), due.subjectKey(), attempts, error));
            } else {
                Instant next = clock.instant().plus(waitAfter(attempts));
                rows.markRetry(due.id(), attempts, next, error);
                log.info("Mail {} ({}) not sent, attempt {} of {}, next at {}: {}", due.id(), due.subjectKey(),
                        attempts, maxAttempts, next, error);
            }
            return false;
        }
    }

    /** How long to wait after the given number of failed attempts: the first wait, doubled for each one before. */
    Duration waitAfter(int failedAttempts) {
        Duration wait = firstRetryAfter;
        for (int i = 1; i < failedAttempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT;
    }

    private MimeMessage message(JavaMailSender sender, Due due) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(due.recipient());
        helper.setSubject(due.subject());
        helper.setText(due.body(), false);
        helper.setSentDate(Date.from(clock.instant()));
        return message;
    }

    private static String describe(Exception failed) {
        String message = failed.getClass().getSimpleName() + ": " + failed.getMessage();
        return message.length() <= OutboxRepository.ERROR_LENGTH
                ? message
                : message.substring(0, OutboxRepository.ERROR_LENGTH);
    }
}
