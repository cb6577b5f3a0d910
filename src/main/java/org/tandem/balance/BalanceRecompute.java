package org.tandem.balance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The recompute of every couple's balance summary that the clinic's last settings change asked for, as far as it
 * has gone: {@code done} of {@code total} couples. Until it finishes, screens show the summaries of the settings
 * before (docs/decisions/037-background-work.md).
 */
public record BalanceRecompute(long id, Instant requestedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
        int total, int done, @Nullable String error) {

    /** Not finished yet (waiting for the worker, under way, or stopped by a failure the worker tries again). */
    public boolean running() {
        return finishedAt == null;
    }

    /** The couples done so far, never more than the total shown (a couple added meanwhile counts at the end). */
    public int shownDone() {
        return Math.min(done, total);
    }
}
