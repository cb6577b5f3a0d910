package org.tandem.balance;

/** The clinic's balance settings with the clinic's version, which an update must name to detect a conflict. */
public record ClinicBalanceSettings(BalanceSettings settings, int clinicVersion) {}
