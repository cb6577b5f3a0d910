package org.tandem.invitations;

/** The account that accepting an invitation created; sign it in by its e-mail. */
public record AcceptedInvitation(long accountId, String email) {}
