package org.tandem.accounts;

import java.util.Set;

/** The signed-in person's own account, as the Account page shows it; {@code version} guards a rename. */
public record MyAccount(long accountId, String email, String displayName, Set<Role> roles, int version) {}
