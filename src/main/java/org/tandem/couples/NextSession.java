package org.tandem.couples;

import java.time.OffsetDateTime;

/**
 * The couple's earliest scheduled session that has not started yet. {@code modality} is the database code
 * ({@code IN_PERSON} or {@code VIDEO}), so that this package does not depend on the sessions feature.
 */
public record NextSession(long sessionId, OffsetDateTime startsAt, int durationMinutes, String modality) {}
