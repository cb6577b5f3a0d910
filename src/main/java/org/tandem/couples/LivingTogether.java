package org.tandem.couples;

import org.jspecify.annotations.Nullable;

/** Whether the partners share a home; unknown is a real answer at intake, stored as null. */
public enum LivingTogether {
    YES,
    NO,
    UNKNOWN;

    public @Nullable Boolean asBoolean() {
        return switch (this) {
            case YES -> Boolean.TRUE;
            case NO -> Boolean.FALSE;
            case UNKNOWN -> null;
        };
    }

    public static LivingTogether of(@Nullable Boolean value) {
        return value == null ? UNKNOWN : value ? YES : NO;
    }
}
