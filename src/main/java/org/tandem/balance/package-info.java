/**
 * The balance check-in and its scoring, exactly as {@code shared/design/balance.md} defines them: keyed subscale
 * scores, zones, divergence, reliable change, alerts and suggested module categories. The scoring itself
 * ({@link org.tandem.balance.BalanceScoring}, {@link org.tandem.balance.Alerts},
 * {@link org.tandem.balance.Suggestions}, {@link org.tandem.balance.ChangeWords} and the records they return) is
 * plain Java without Spring, database or I/O, so that the screens, the CSV export and the PDF report compute every
 * figure through the same code; beside it this root also holds the feature's services and package-private
 * repositories, which do use Spring and the database. Rounding happens in one place,
 * {@link org.tandem.balance.BalanceScoring}.
 */
@NullMarked
package org.tandem.balance;

import org.jspecify.annotations.NullMarked;
