/** The workbook's screens; its My workbook section and assign dialog are used by the balance screens. */
@NamedInterface("ui")
@NullMarked
package org.tandem.workbook.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
