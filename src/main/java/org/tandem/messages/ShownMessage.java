package org.tandem.messages;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message of a thread as its reader sees it.
 *
 * @param body the text as typed; null when the message was withdrawn (the thread shows "message withdrawn")
 * @param mine whether the reader sent it
 * @param withdrawable whether the reader may still withdraw it (a therapist's own message, within minutes)
 */
public record ShownMessage(long id, String senderName, Instant sentAt, @Nullable String body, boolean mine,
        boolean withdrawable) {

    public boolean withdrawn() {
        return body == null;
    }
}
