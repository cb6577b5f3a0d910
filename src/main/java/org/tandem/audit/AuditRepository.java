package org.tandem.audit;

import static org.tandem.database.RenderedOnce.value;
import static org.tandem.jooq.Tables.AUDIT_EVENT;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.database.RenderedOnce;

@Repository
class AuditRepository {

    private final DSLContext dsl;
    private final Clock clock;

    AuditRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Writes the row; {@code address} is the client's address of the request the act came in, if any. */
    void insert(AuditEvent entry, @Nullable String address) {
        @Nullable Subject subject = entry.subject();
        insert.query(dsl,
                value(OCCURRED_AT, OffsetDateTime.now(clock)),
                value(CLINIC_ID, entry.clinicId()),
                value(ACTOR_ACCOUNT_ID, entry.actorAccountId()),
                value(ACTOR, truncate(entry.actor(), 254)),
                value(ACTION, entry.action().stored()),
                value(SUBJECT_TYPE, subject == null ? null : subject.type()),
                value(SUBJECT_ID, subject == null ? null : subject.id()),
                value(OUTCOME, entry.outcome()),
                value(DETAIL, entry.detail() == null ? null : truncate(entry.detail(), 2000)),
                value(ADDRESS, address == null ? null : truncate(address, 100)))
                .execute();
    }

    // One audit row is written with every read of clinical data: its insert is rendered once (RenderedOnce).
    private static final Param<OffsetDateTime> OCCURRED_AT = param(AUDIT_EVENT.OCCURRED_AT);
    private static final Param<Long> CLINIC_ID = param(AUDIT_EVENT.CLINIC_ID);
    private static final Param<Long> ACTOR_ACCOUNT_ID = param(AUDIT_EVENT.ACTOR_ACCOUNT_ID);
    private static final Param<String> ACTOR = param(AUDIT_EVENT.ACTOR);
    private static final Param<String> ACTION = param(AUDIT_EVENT.ACTION);
    private static final Param<String> SUBJECT_TYPE = param(AUDIT_EVENT.SUBJECT_TYPE);
    private static final Param<Long> SUBJECT_ID = param(AUDIT_EVENT.SUBJECT_ID);
    private static final Param<Outcome> OUTCOME = param(AUDIT_EVENT.OUTCOME);
    private static final Param<String> DETAIL = param(AUDIT_EVENT.DETAIL);
    private static final Param<String> ADDRESS = param(AUDIT_EVENT.ADDRESS);

    private final RenderedOnce insert = RenderedOnce.of(dsl -> dsl.insertInto(AUDIT_EVENT)
            .set(AUDIT_EVENT.OCCURRED_AT, OCCURRED_AT)
            .set(AUDIT_EVENT.CLINIC_ID, CLINIC_ID)
            .set(AUDIT_EVENT.ACTOR_ACCOUNT_ID, ACTOR_ACCOUNT_ID)
            .set(AUDIT_EVENT.ACTOR, ACTOR)
            .set(AUDIT_EVENT.ACTION, ACTION)
            .set(AUDIT_EVENT.SUBJECT_TYPE, SUBJECT_TYPE)
            .set(AUDIT_EVENT.SUBJECT_ID, SUBJECT_ID)
            .set(AUDIT_EVENT.OUTCOME, OUTCOME)
            .set(AUDIT_EVENT.DETAIL, DETAIL)
            .set(AUDIT_EVENT.ADDRESS, ADDRESS));

    private static <T> Param<T> param(TableField<?, T> column) {
        return DSL.param(column.getName(), column.getDataType());
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
