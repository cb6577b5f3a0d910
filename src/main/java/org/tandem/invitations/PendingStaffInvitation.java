package org.tandem.invitations;

import java.time.Instant;
import java.util.Set;
import org.tandem.accounts.Role;

/**
 * A staff invitation not yet accepted nor voided; {@code expired} once its link ran out; {@code needsAttention} once
 * someone tried to accept it and an account already signs in with its address (docs/decisions/028-no-e-mail-oracle.md).
 */
public record PendingStaffInvitation(long id, String displayName, String email, Set<Role> roles, Instant createdAt,
        Instant expiresAt, boolean expired, boolean needsAttention) {}
