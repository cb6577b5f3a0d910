/** The clinic, its policies and time zone: above accounts, below every feature. */
@ApplicationModule(allowedDependencies = "accounts")
@NullMarked
package org.tandem.clinic;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
