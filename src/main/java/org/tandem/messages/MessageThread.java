package org.tandem.messages;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A thread as its reader opens it: its messages oldest first (newest at the bottom), who has read the last one
 * (the joint thread only), the reader's draft, and whether it is closed to new messages.
 *
 * @param privatePartnerId null for the joint thread; else the partner whose private thread it is
 * @param readBy for the joint thread, the other participants who have read its last message; else empty
 * @param newForReader how many of its messages were new to the reader when they opened it now
 * @param readOnly the couple is closed: the thread can be read, nothing sent
 */
public record MessageThread(long threadId, long coupleId, @Nullable Long privatePartnerId,
        @Nullable String privatePartnerName, List<ShownMessage> messages, List<String> readBy, String draft,
        int newForReader, boolean readOnly) {

    public boolean joint() {
        return privatePartnerId == null;
    }
}
