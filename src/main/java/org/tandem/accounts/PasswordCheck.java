package org.tandem.accounts;

import org.jspecify.annotations.Nullable;

/**
 * The verdict on a chosen password. {@code problem} is null when the password may be used;
 * {@code warningKey} is a translation key for why a weak password is easy to guess, when the
 * strength estimator could say.
 */
public record PasswordCheck(@Nullable Problem problem, int score, @Nullable String warningKey) {

    public enum Problem {
        TOO_SHORT,
        TOO_LONG,
        TOO_EASY_TO_GUESS
    }

    public boolean acceptable() {
        return problem == null;
    }
}
