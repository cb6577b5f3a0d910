package org.tandem.messages;

import org.jspecify.annotations.Nullable;

/**
 * A message was sent in one of a couple's threads (published in the sender's transaction; notifications listen).
 *
 * @param privatePartnerId null for the joint thread; else the partner whose private thread it is
 */
public record MessageSent(
        long clinicId,
        long coupleId,
        long threadId,
        @Nullable Long privatePartnerId,
        long messageId,
        long senderAccountId) {}
