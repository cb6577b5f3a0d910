package org.tandem.couples;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A therapist's time with a couple: from when, in which place, and until when ({@code null} while it lasts). */
public record AssignmentPeriod(long accountId, String displayName, TherapistRole role, Instant from,
        @Nullable Instant until) {}
