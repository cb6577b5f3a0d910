package org.tandem.sessions;

import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A therapist's private note on a session. Version 0 means no note has been saved yet; the next
 * save must name the version it edited, so a save that raced another edit is refused.
 */
public record SessionNote(
        long sessionId,
        String body,
        int version,
        @Nullable String updatedBy,
        @Nullable ZonedDateTime updatedAt) {

    public static final int MAX_LENGTH = 20_000;

    static SessionNote none(long sessionId) {
        return new SessionNote(sessionId, "", 0, null, null);
    }
}
