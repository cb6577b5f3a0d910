package org.tandem.audit.ui;

/** The routes of the audit feature, the one place their URLs are written. */
public final class AuditRoutes {

    public static final String AUDIT_LOG = "audit";

    private AuditRoutes() {}
}
