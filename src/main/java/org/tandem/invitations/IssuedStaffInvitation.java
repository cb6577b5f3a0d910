package org.tandem.invitations;

import java.time.Instant;

/**
 * A freshly issued staff link. {@code path} ({@code invitation/<token>}) is relative to the application's base
 * URL; the token in it is never stored, so this is the only time anyone sees it (and the e-mail, when {@code mailed}: mail is
 * configured and the link was queued for the invitee).
 */
public record IssuedStaffInvitation(long invitationId, String path, Instant expiresAt, boolean mailed) {}
