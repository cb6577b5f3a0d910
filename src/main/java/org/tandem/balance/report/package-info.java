/**
 * The balance export: a couple's check-ins as CSV with every figure of {@code shared/design/balance.md}, and the
 * progress report as PDF (server-side SVG charts, embedded fonts). Every figure comes from
 * {@link org.tandem.balance.BalanceScoring} through {@link org.tandem.balance.CoupleBalance}; nothing here scores.
 */
@NullMarked
package org.tandem.balance.report;

import org.jspecify.annotations.NullMarked;
