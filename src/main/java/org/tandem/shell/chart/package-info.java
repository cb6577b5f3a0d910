/** A small chart component over Chart.js that any feature can put on a screen. */
@NamedInterface("chart")
@NullMarked
package org.tandem.shell.chart;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
