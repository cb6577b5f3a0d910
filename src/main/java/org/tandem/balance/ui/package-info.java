/** The partner's balance check-in screen and its card on My workbook. */
@NullMarked
package org.tandem.balance.ui;

import org.jspecify.annotations.NullMarked;
