@NullMarked
package org.tandem.database;

import org.jspecify.annotations.NullMarked;
