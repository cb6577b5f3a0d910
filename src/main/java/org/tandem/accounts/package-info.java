@NullMarked
package org.tandem.accounts;

import org.jspecify.annotations.NullMarked;
