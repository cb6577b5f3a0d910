package org.tandem.passwordreset;

import java.time.Instant;

/**
 * A reset link an admin issued, to show them once (its token is not stored): the whole link to copy, until when it
 * works, and whether it was also e-mailed to the account's address.
 */
public record IssuedReset(String link, Instant expiresAt, boolean mailed) {}
