@NullMarked
package org.tandem.sessions.ui;

import org.jspecify.annotations.NullMarked;
