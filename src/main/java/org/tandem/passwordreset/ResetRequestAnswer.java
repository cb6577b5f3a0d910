package org.tandem.passwordreset;

/**
 * What the "forgot password" page says after a request. It depends only on whether mail is configured, never on the
 * address asked for, so the page cannot tell anyone whether an address has an account.
 */
public enum ResetRequestAnswer {
    /** "If the address has an account, a link is on its way." */
    LINK_MAILED_IF_KNOWN,
    /** "Ask your clinic's administrator": without mail, only an admin can issue a link. */
    ASK_YOUR_CLINIC
}
