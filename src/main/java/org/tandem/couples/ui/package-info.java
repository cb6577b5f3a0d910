@NullMarked
package org.tandem.couples.ui;

import org.jspecify.annotations.NullMarked;
