@NullMarked
package org.tandem;

import org.jspecify.annotations.NullMarked;
