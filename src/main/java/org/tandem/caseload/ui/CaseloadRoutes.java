package org.tandem.caseload.ui;

/** The caseload's routes, the one place their URLs are written. */
public final class CaseloadRoutes {

    public static final String CASELOAD = "caseload";

    private CaseloadRoutes() {}
}
