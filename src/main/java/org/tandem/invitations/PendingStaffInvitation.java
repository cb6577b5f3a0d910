package org.tandem.invitations;

import java.time.Instant;
import java.util.Set;
import org.tandem.accounts.Role;

/** A staff invitation not yet accepted nor voided; {@code expired} once its link ran out. */
public record PendingStaffInvitation(long id, String displayName, String email, Set<Role> roles, Instant createdAt,
        Instant expiresAt, boolean expired) {}
