package org.tandem.goals;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A dated note on how a goal is going, optionally with the progress (0–100) it reports. */
public record GoalUpdate(long id, String body, @Nullable Integer progress, String author, OffsetDateTime createdAt) {

    public static final int MAX_BODY = 2000;
}
