package org.tandem.invitations;

import java.time.Instant;

/**
 * A freshly issued staff link. {@code path} ({@code invitation/<token>}) is relative to the application's base
 * URL; the token in it is never stored, so this is the only time anyone sees it.
 */
public record IssuedStaffInvitation(long invitationId, String path, Instant expiresAt) {}
