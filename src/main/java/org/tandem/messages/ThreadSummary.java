package org.tandem.messages;

import org.jspecify.annotations.Nullable;

/**
 * One of a couple's threads as a list shows it.
 *
 * @param privatePartnerId null for the joint thread; else the partner whose private thread with the therapists it is
 * @param privatePartnerName that partner's name (null for the joint thread)
 * @param unread messages of others in it that the signed-in person has not read yet
 */
public record ThreadSummary(long threadId, @Nullable Long privatePartnerId, @Nullable String privatePartnerName,
        int unread) {

    public boolean joint() {
        return privatePartnerId == null;
    }
}
