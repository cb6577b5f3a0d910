package org.tandem.mail;

/** Where a row of the outbox stands; stored in {@code mail_outbox.status}. */
public enum MailStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** Accepted by the mail server. */
    SENT,
    /** Given up after the last attempt failed. */
    FAILED
}
