/**
 * Signing in and the admin's Users pages, with the sections other features fill in ({@link UserPageSection},
 * {@link StaffInvitationSection}).
 */
@NamedInterface("ui")
@NullMarked
package org.tandem.accounts.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
