@NullMarked
package org.tandem.audit;

import org.jspecify.annotations.NullMarked;
