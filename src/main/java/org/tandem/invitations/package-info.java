/**
 * Single-use, expiring links that let a partner choose a password and sign in for the first time.
 * Depends on accounts and couples; only views depend on it.
 */
@NullMarked
package org.tandem.invitations;

import org.jspecify.annotations.NullMarked;
