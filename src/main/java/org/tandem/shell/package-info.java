/** The app layout, menu and start page: built from {@code @Menu}, so it imports no feature but accounts (and the
 * database's instance channel, which carries live updates to the other instances). */
@ApplicationModule(allowedDependencies = { "accounts", "database" })
@NullMarked
package org.tandem.shell;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
