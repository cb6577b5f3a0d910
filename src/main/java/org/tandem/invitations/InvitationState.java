package org.tandem.invitations;

/** Where a partner stands with their invitation, judged by their newest link. */
public enum InvitationState {
    /** No link has been issued yet. */
    NONE,
    /** A link is out and can still be used. */
    PENDING,
    /** The partner has an account. */
    ACCEPTED,
    /** The newest link ran out before it was used. */
    EXPIRED,
    /** The newest link was withdrawn and nothing replaced it. */
    VOIDED,
    /**
     * Someone tried to accept the newest link, but an account already signs in with its address: nothing was created,
     * the clinic's admins were told (docs/decisions/028-no-e-mail-oracle.md).
     */
    NEEDS_ATTENTION
}
