package org.tandem.couples.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the sections of one rendering of a couple's Overview read, each read once: sections of the same feature that
 * show parts of one snapshot (the balance feature's alerts, figures, charts and suggestions) ask for it here by its
 * type, and the first to ask loads it. A new instance per rendering, so nothing outlives the page it was read for.
 */
public final class OverviewReads {

    private final Map<Class<?>, Object> read = new HashMap<>();

    OverviewReads() {}

    /** The value of this type read for this rendering, loaded by {@code load} if no section has asked before. */
    public <T> T once(Class<T> type, Supplier<T> load) {
        Object value = read.get(type);
        if (value == null) {
            value = load.get();
            read.put(type, value);
        }
        return type.cast(value);
    }
}
