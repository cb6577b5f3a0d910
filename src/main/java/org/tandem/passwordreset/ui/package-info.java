@NullMarked
package org.tandem.passwordreset.ui;

import org.jspecify.annotations.NullMarked;
