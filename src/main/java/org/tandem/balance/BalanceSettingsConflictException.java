package org.tandem.balance;

/** Someone else changed the clinic since the settings were read; nothing was changed. Carries what is stored now. */
public class BalanceSettingsConflictException extends RuntimeException {

    private final transient ClinicBalanceSettings current;

    public BalanceSettingsConflictException(ClinicBalanceSettings current) {
        super("The clinic was changed by someone else (now version " + current.clinicVersion() + ")");
        this.current = current;
    }

    public ClinicBalanceSettings current() {
        return current;
    }
}
