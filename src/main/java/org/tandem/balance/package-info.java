/**
 * The balance check-in and its scoring, exactly as {@code shared/design/balance.md} defines them: keyed subscale
 * scores, zones, divergence, reliable change, alerts and suggested module categories. The classes at this root
 * are pure (no Spring, no database, no I/O) so that the screens, the CSV export and the PDF report compute every
 * figure through the same code. Rounding happens in one place, {@link org.tandem.balance.BalanceScoring}.
 */
@NullMarked
package org.tandem.balance;

import org.jspecify.annotations.NullMarked;
