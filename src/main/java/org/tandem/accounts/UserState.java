package org.tandem.accounts;

/** Where a person stands on the admin's Users page. */
public enum UserState {
    ACTIVE,
    DEACTIVATED,
    /** Invited as staff, the link not yet accepted: not an account yet (the invitations feature lists them). */
    INVITED
}
