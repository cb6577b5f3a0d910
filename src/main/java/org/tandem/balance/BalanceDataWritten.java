package org.tandem.balance;

/**
 * Check-ins of a clinic were written around the services (the network generator of issue 15): every couple's balance
 * summary is recomputed at once, in the publisher's transaction.
 */
public record BalanceDataWritten(long clinicId) {}
