package org.tandem.goals;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A step on the way to a goal; reached once someone ticks it, with who and when. */
public record Milestone(long id, String title, int position, @Nullable OffsetDateTime reachedAt,
        @Nullable String reachedBy) {

    public static final int MAX_TITLE = 200;

    public boolean reached() {
        return reachedAt != null;
    }
}
