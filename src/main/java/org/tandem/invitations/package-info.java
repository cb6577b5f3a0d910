/**
 * Single-use, expiring links that let a partner, or a staff member invited by the clinic's admin, choose a password
 * and sign in for the first time (docs/decisions/024-staff-accounts.md). Depends on accounts, clinic and couples;
 * only views depend on it.
 */
@NullMarked
package org.tandem.invitations;

import org.jspecify.annotations.NullMarked;
