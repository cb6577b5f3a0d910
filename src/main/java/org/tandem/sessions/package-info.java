@NullMarked
package org.tandem.sessions;

import org.jspecify.annotations.NullMarked;
