package org.tandem.accounts;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An account as a signed-in session must see it on every request: whether it may still be signed in, and the roles
 * and name its session should carry.
 */
record AccountState(String displayName, Set<Role> roles, boolean active, @Nullable Instant sessionsValidAfter) {

    /** Whether a session signed in at {@code signedInAt} was ended since ("sign out everywhere", a new passphrase). */
    boolean endedSince(Instant signedInAt) {
        return sessionsValidAfter != null && signedInAt.isBefore(sessionsValidAfter);
    }

    /** Whether the session's person still has exactly these roles and this name. */
    boolean matches(TandemUser user) {
        return user.roles().equals(roles) && user.displayName().equals(displayName);
    }
}
