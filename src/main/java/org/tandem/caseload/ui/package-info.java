@NullMarked
package org.tandem.caseload.ui;

import org.jspecify.annotations.NullMarked;
