package org.tandem.accounts;

import java.util.Set;

/** One account as the admin opens it on the Users page; {@code version} guards its roles and state. */
public record AccountDetails(long id, String displayName, String email, Set<Role> roles, boolean active,
        int version) {

    public boolean staff() {
        return !roles.contains(Role.CLIENT);
    }
}
