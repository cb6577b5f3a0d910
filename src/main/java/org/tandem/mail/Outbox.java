package org.tandem.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a feature puts the mail its change causes: {@link #enqueue} writes a row of {@code mail_outbox} in the
 * caller's transaction, so a change that rolls back sends nothing, and {@link OutboxSender} delivers it later with
 * retries, so a mail server that is down loses nothing and slows no screen. Mail is configured by the standard
 * {@code spring.mail.*} settings; without {@code spring.mail.host} nothing is queued and callers show their links
 * instead. The example to copy:
 *
 * <pre>{@code
 * if (outbox.configured()) {
 *     outbox.enqueue(new Mail(clinicId, email, locale, "mail.invitation.subject", "mail.invitation.body",
 *             List.of(link, expires)));
 * }
 * }</pre>
 *
 * <p>Its callers are services that have already checked who may do what, signed in or not (a forgotten passphrase),
 * so it admits everyone itself.
 */
@Service
public class Outbox {

    private final boolean configured;
    private final OutboxRepository rows;
    private final MessageSource texts;
    private final Clock clock;

    Outbox(ObjectProvider<JavaMailSender> mailSender, OutboxRepository rows, MessageSource texts, Clock clock) {
        this.configured = mailSender.getIfAvailable() != null;
        this.rows = rows;
        this.texts = texts;
        this.clock = clock;
    }

    /** Whether mail can be sent at all (a mail host is configured); otherwise show the person the link instead. */
    @PreAuthorize("permitAll()")
    public boolean configured() {
        return configured;
    }

    /**
     * Renders the mail in its locale now and queues it in the caller's transaction, to be sent as soon as the
     * sender next runs. Does nothing when mail is not {@link #configured()}.
     *
     * @throws IllegalArgumentException when the address is not an e-mail address
     * @throws org.springframework.context.NoSuchMessageException when a key has no text
     */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(Mail mail) {
        if (!configured) {
            return;
        }
        try {
            new InternetAddress(mail.to(), true);
        } catch (AddressException invalid) {
            throw new IllegalArgumentException("Not an e-mail address: " + mail.to(), invalid);
        }
        Object[] args = mail.args().toArray();
        String subject = texts.getMessage(mail.subjectKey(), args, mail.locale());
        String body = texts.getMessage(mail.bodyKey(), args, mail.locale());
        rows.insert(mail.clinicId(), mail.to(), mail.subjectKey(), subject, body, clock.instant());
    }
}
