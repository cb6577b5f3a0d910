package org.tandem.accounts;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Someone else saved the record after the caller read it (the optimistic {@code version} no longer matched);
 * nothing was written. Carries the record as it now stands where a view offers "theirs and mine".
 */
public class StaleVersionException extends RuntimeException {

    private final transient @Nullable Object current;

    /** {@code what} names the record for the log, e.g. {@code "Session 12"}. */
    public StaleVersionException(String what) {
        this(what, null);
    }

    public StaleVersionException(String what, @Nullable Object current) {
        super(what + " was changed by someone else since it was read");
        this.current = current;
    }

    /** The record as the other save left it; only for the throws that carry one. */
    public <T> T current(Class<T> type) {
        return type.cast(Objects.requireNonNull(current, "this conflict carries no current value"));
    }
}
