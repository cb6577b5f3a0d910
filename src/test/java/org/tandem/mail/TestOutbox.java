package org.tandem.mail;

import java.time.Clock;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * What tests of every feature need of the outbox: send it now, as the schedule (off in tests) would, and an
 * {@link Outbox} of a Tandem without a mail server, for the "mail not configured" cases.
 */
@Component
public class TestOutbox {

    private final OutboxSender sender;
    private final OutboxRepository rows;
    private final MessageSource texts;
    private final Clock clock;

    TestOutbox(OutboxSender sender, OutboxRepository rows, MessageSource texts, Clock clock) {
        this.sender = sender;
        this.rows = rows;
        this.texts = texts;
        this.clock = clock;
    }

    /** Sends every row that is due at the clock's time; returns how many the mail server took. */
    public int sendDue() {
        return sender.sendDue();
    }

    /** The outbox as it is when no {@code spring.mail.host} is set. */
    public Outbox unconfigured() {
        return new Outbox(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), rows, texts, clock);
    }
}
