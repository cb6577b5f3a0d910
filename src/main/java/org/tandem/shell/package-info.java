@NullMarked
package org.tandem.shell;

import org.jspecify.annotations.NullMarked;
