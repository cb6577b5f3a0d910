/** The invitations' pages; {@link org.tandem.invitations.ui.NewPasswordFields} is for every page that sets a password. */
@NamedInterface("ui")
@NullMarked
package org.tandem.invitations.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
