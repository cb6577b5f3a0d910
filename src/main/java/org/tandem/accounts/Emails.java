package org.tandem.accounts;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** E-mail addresses as Tandem stores and compares them: trimmed and in lower case. */
public final class Emails {

    private Emails() {}

    /** The stored form of a typed address; "" for none. */
    public static String normalise(@Nullable String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
