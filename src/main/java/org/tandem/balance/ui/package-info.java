/**
 * The balance screens: the partner's check-in and its card on My workbook, the therapist's balance
 * section on the couple's Overview, and the admin's balance settings.
 */
@NullMarked
package org.tandem.balance.ui;

import org.jspecify.annotations.NullMarked;
