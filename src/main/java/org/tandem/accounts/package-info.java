/** Accounts, roles and sign-in: the foundation every feature stands on, so it uses none of them. */
@ApplicationModule(allowedDependencies = "database")
@NullMarked
package org.tandem.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
