@NullMarked
package org.tandem.demo;

import org.jspecify.annotations.NullMarked;
