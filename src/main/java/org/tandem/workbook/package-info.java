@NullMarked
package org.tandem.workbook;

import org.jspecify.annotations.NullMarked;
