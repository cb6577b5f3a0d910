/** The clinic, its policies and time zone: above accounts (and the shell, whose form helper its setup page uses), below every feature. */
@ApplicationModule(allowedDependencies = { "accounts", "shell", "database" })
@NullMarked
package org.tandem.clinic;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
