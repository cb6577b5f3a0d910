package org.tandem.clinic;

/** The first-run setup was attempted on a Tandem that already has a clinic. */
public class ClinicAlreadySetUpException extends RuntimeException {

    public ClinicAlreadySetUpException() {
        super("Tandem already has a clinic");
    }
}
