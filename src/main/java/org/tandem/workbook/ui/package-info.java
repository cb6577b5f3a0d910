@NullMarked
package org.tandem.workbook.ui;

import org.jspecify.annotations.NullMarked;
