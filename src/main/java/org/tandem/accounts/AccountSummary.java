package org.tandem.accounts;

import java.util.Set;

/** One row of the clinic's user list. */
public record AccountSummary(long id, String displayName, String email, Set<Role> roles, boolean active) {}
