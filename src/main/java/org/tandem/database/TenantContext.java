package org.tandem.database;

import org.jspecify.annotations.Nullable;

/**
 * What a statement may see: one clinic's rows, every clinic's (the installation), or nothing. Written into the
 * connection as {@code tandem.clinic_id} and {@code tandem.scope}, which the row-level policies read.
 */
record TenantContext(@Nullable Long clinicId, boolean installation) {

    static final TenantContext NONE = new TenantContext(null, false);
    static final TenantContext INSTALLATION = new TenantContext(null, true);

    static TenantContext clinic(long clinicId) {
        return new TenantContext(clinicId, false);
    }

    String clinicSetting() {
        return clinicId == null ? "" : clinicId.toString();
    }

    String scopeSetting() {
        return installation ? "installation" : "";
    }
}
