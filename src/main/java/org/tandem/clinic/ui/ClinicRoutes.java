package org.tandem.clinic.ui;

/** The clinic feature's routes, the one place their URLs are written. */
public final class ClinicRoutes {

    public static final String SETTINGS = "clinic/settings";

    private ClinicRoutes() {}
}
