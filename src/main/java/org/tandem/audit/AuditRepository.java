package org.tandem.audit;

import static org.tandem.jooq.Tables.AUDIT_EVENT;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;

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
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, OffsetDateTime.now(clock))
                .set(AUDIT_EVENT.CLINIC_ID, entry.clinicId())
                .set(AUDIT_EVENT.ACTOR_ACCOUNT_ID, entry.actorAccountId())
                .set(AUDIT_EVENT.ACTOR, truncate(entry.actor(), 254))
                .set(AUDIT_EVENT.ACTION, entry.action().stored())
                .set(AUDIT_EVENT.SUBJECT_TYPE, subject == null ? null : subject.type())
                .set(AUDIT_EVENT.SUBJECT_ID, subject == null ? null : subject.id())
                .set(AUDIT_EVENT.OUTCOME, entry.outcome())
                .set(AUDIT_EVENT.DETAIL, entry.detail() == null ? null : truncate(entry.detail(), 2000))
                .set(AUDIT_EVENT.ADDRESS, address == null ? null : truncate(address, 100))
                .execute();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
