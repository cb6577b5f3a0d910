/** The app layout, menu and start page: built from {@code @Menu}, so it imports no feature but accounts. */
@ApplicationModule(allowedDependencies = "accounts")
@NullMarked
package org.tandem.shell;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
