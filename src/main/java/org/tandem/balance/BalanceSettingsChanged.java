package org.tandem.balance;

/** An admin changed the clinic's threshold or divergence (every couple's balance summary reacts). */
public record BalanceSettingsChanged(long clinicId) {}
