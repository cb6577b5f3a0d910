package org.tandem.balance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One submitted check-in of a couple as the therapist reads it: the raw answers on their instrument version, the
 * partner (and their position in the couple, 1 or 2, which gives their colour on every chart), when it was submitted, the start of the session it belongs to ({@code null} for a requested check-in),
 * and its scores from {@link BalanceScoring}.
 */
public record ScoredCheckIn(long checkInId, long partnerId, String partnerName, int partnerPosition,
        int instrumentVersion,
        Instant submittedAt, @Nullable Instant sessionStartsAt, CheckInAnswers answers, Scores scores) {}
