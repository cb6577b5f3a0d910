@NullMarked
package org.tandem.clinic;

import org.jspecify.annotations.NullMarked;
