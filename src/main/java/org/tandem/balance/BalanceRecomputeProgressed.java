package org.tandem.balance;

/** A batch of a clinic's balance recompute committed, or the recompute finished: where it stands now. */
public record BalanceRecomputeProgressed(long clinicId, BalanceRecompute recompute) {}
