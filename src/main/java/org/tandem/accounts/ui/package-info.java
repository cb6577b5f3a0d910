/**
 * Signing in, everyone's own account and the admin's Users pages, with the sections other features fill in
 * ({@link UserPageSection}, {@link StaffInvitationSection}); its routes and the passphrase words
 * ({@code PasswordMessages}) are used by other features' views.
 */
@NamedInterface("ui")
@NullMarked
package org.tandem.accounts.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
