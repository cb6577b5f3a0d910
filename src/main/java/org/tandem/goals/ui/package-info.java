@NullMarked
package org.tandem.goals.ui;

import org.jspecify.annotations.NullMarked;
