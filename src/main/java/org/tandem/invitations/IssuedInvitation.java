package org.tandem.invitations;

import java.time.Instant;

/**
 * A freshly issued link. {@code path} ({@code invitation/<token>}) is relative to the application's
 * base URL; the token in it is never stored, so this is the only time anyone sees it.
 */
public record IssuedInvitation(int position, String path, Instant expiresAt) {}
