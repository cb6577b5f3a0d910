/**
 * Forgotten passphrases: a single-use link valid for an hour, asked for on the sign-in page or issued by an admin of
 * the account's clinic, that lets its holder choose a new passphrase (docs/decisions/027-passphrase-reset.md).
 * Depends on accounts, clinic and mail (and, for the new-passphrase fields, invitations' views); nothing depends on it but its views.
 */
@NullMarked
package org.tandem.passwordreset;

import org.jspecify.annotations.NullMarked;
