/** The audit log page, for admins. */
@NullMarked
package org.tandem.audit.ui;

import org.jspecify.annotations.NullMarked;
