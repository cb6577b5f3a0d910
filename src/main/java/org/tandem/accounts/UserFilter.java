package org.tandem.accounts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the admin's Users page shows: every word of {@code search} in the name or the e-mail, holding {@code role}
 * and in {@code state}; a null role or state means any.
 */
public record UserFilter(String search, @Nullable Role role, @Nullable UserState state) {

    public static final UserFilter ALL = new UserFilter("", null, null);

    public UserFilter {
        // Not stored, so what cannot be stored (a NUL would fail in the database) is dropped rather than refused.
        search = search == null ? "" : TypedText.Check.without(search, false).strip();
    }

    public List<String> terms() {
        return search.isEmpty() ? List.of()
                : Arrays.stream(search.toLowerCase(Locale.ROOT).split("\\s+")).filter(term -> !term.isEmpty()).toList();
    }

    /** Whether accounts (as opposed to pending invitations) can match. */
    public boolean includesAccounts() {
        return state != UserState.INVITED;
    }

    /** Whether pending staff invitations can match. */
    public boolean includesInvitations() {
        return (state == null || state == UserState.INVITED) && role != Role.CLIENT;
    }
}
