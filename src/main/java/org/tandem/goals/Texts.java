package org.tandem.goals;

import org.jspecify.annotations.Nullable;

/** How typed text is kept: as text, without control characters, with uniform line breaks and no outer blanks. */
final class Texts {

    private Texts() {}

    static @Nullable String clean(@Nullable String text) {
        if (text == null) {
            return null;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\p{Cntrl}&&[^\n\t]]", "")
                .strip();
    }

    static @Nullable String orNull(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
