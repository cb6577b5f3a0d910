package org.tandem.sessions;

import java.time.ZonedDateTime;

/** What a partner sees of their couple's next scheduled session. */
public record NextSession(ZonedDateTime startsAt, int durationMinutes, Modality modality) {}
