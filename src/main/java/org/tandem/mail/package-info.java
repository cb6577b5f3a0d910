/**
 * Mail through an outbox: a feature that must tell someone something by e-mail calls {@link org.tandem.mail.Outbox}
 * inside its own transaction, and a background sender delivers the row later, with retries
 * (docs/decisions/022-mail-outbox.md). It depends on no other feature, so that any of them, accounts included, may
 * send mail.
 */
@ApplicationModule(allowedDependencies = "database")
@NullMarked
package org.tandem.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
