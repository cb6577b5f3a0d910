package org.tandem.sessions;

import java.time.Instant;
import java.time.ZonedDateTime;

/** One session of a couple, its start in the clinic's time zone, and whether it has a clinician note. */
public record Session(
        long id,
        long coupleId,
        ZonedDateTime startsAt,
        int durationMinutes,
        Modality modality,
        SessionStatus status,
        int version,
        boolean hasNote) {

    public ZonedDateTime endsAt() {
        return startsAt.plusMinutes(durationMinutes);
    }

    /** Whether the session has begun (only then can it be marked held or no-show). */
    public boolean hasStarted(Instant now) {
        return !startsAt.toInstant().isAfter(now);
    }
}
