/** The couple's page: its tabs and the Overview and Partners cards that other features' views fill in. */
@NamedInterface("ui")
@NullMarked
package org.tandem.couples.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
