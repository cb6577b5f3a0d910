@NullMarked
package org.tandem.couples;

import org.jspecify.annotations.NullMarked;
