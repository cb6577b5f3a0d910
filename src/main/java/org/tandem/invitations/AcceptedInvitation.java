package org.tandem.invitations;

/**
 * The account that accepting an invitation created; sign it in by its e-mail. {@code staff} when it was a staff
 * invitation (the start page sends them on), otherwise a partner's.
 */
public record AcceptedInvitation(long accountId, String email, boolean staff) {}
