package org.tandem.support;

import static org.tandem.jooq.Tables.AUDIT_EVENT;

import java.util.List;
import org.jooq.DSLContext;
import org.tandem.jooq.tables.records.AuditEventRecord;

/** Reads the audit rows written since a test began. */
public final class AuditTrail {

    private final DSLContext dsl;
    private final long before;

    private AuditTrail(DSLContext dsl, long before) {
        this.dsl = dsl;
        this.before = before;
    }

    public static AuditTrail from(DSLContext dsl) {
        Long max = dsl.select(org.jooq.impl.DSL.max(AUDIT_EVENT.ID)).from(AUDIT_EVENT).fetchOne(0, Long.class);
        return new AuditTrail(dsl, max == null ? 0 : max);
    }

    public List<AuditEventRecord> since() {
        return dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.gt(before)).orderBy(AUDIT_EVENT.ID).fetch();
    }

    public List<AuditEventRecord> since(String action) {
        return since().stream().filter(row -> row.getAction().equals(action)).toList();
    }
}
