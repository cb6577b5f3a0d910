package org.tandem.balance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One of the signed-in partner's own check-ins with the raw answers saved so far. */
public record CheckInDraft(long checkInId, int instrumentVersion, @Nullable Instant sessionStartsAt,
        boolean requested, CheckInAnswers answers, @Nullable Instant submittedAt) {

    public boolean submitted() {
        return submittedAt != null;
    }
}
