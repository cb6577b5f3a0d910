package org.tandem.invitations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One partner's invitation state; {@code expiresAt} is set for a pending or expired link. */
public record PartnerInvitation(int position, InvitationState state, @Nullable Instant expiresAt,
        @Nullable Instant acceptedAt) {}
