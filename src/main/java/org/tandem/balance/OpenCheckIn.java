package org.tandem.balance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A check-in the signed-in partner may answer now: before a scheduled session (open from 48 hours before it
 * until it starts; {@code sessionStartsAt} set) or requested by the therapist ({@code requested} true).
 * {@code answered} counts the statements answered so far (0–10), not the closeness picture.
 */
public record OpenCheckIn(long checkInId, @Nullable Long sessionId, @Nullable Instant sessionStartsAt,
        boolean requested, Instant opensAt, int answered, boolean closenessAnswered) {}
