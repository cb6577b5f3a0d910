@NullMarked
package org.tandem.clinic.ui;

import org.jspecify.annotations.NullMarked;
