/**
 * Signing in and everyone's own account; its routes and the passphrase words ({@code PasswordMessages}) are used by
 * other features' views.
 */
@NamedInterface("ui")
@NullMarked
package org.tandem.accounts.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
