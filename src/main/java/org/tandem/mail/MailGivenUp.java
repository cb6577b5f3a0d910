package org.tandem.mail;

/**
 * The sender stopped trying to deliver a mail after its last attempt failed; the audit trail records it. Carries the
 * outbox row's id and which mail it was, not the recipient or the text.
 */
public record MailGivenUp(long clinicId, long mailId, String subjectKey, int attempts, String lastError) {}
