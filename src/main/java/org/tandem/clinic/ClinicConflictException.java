package org.tandem.clinic;

/** Another admin saved the clinic's policies first; nothing was changed. Carries what they saved. */
public class ClinicConflictException extends RuntimeException {

    private final transient ClinicPolicies current;

    public ClinicConflictException(ClinicPolicies current) {
        super("The clinic's policies were changed by someone else (now version " + current.version() + ")");
        this.current = current;
    }

    public ClinicPolicies current() {
        return current;
    }
}
