<<<<<<< HEAD
/** The partner's balance check-in screen and its card on My workbook. */
=======
/** The therapist's balance section on the couple's Overview and the admin's balance settings. */
>>>>>>> overview-balance
@NullMarked
package org.tandem.balance.ui;

import org.jspecify.annotations.NullMarked;
