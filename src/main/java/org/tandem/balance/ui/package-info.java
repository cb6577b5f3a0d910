/** The therapist's balance section on the couple's Overview and the admin's balance settings. */
@NullMarked
package org.tandem.balance.ui;

import org.jspecify.annotations.NullMarked;
