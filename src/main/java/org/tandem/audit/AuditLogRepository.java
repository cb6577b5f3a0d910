package org.tandem.audit;

import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ASSIGNMENT_WORK;
import static org.tandem.jooq.Tables.AUDIT_EVENT;
import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.GOAL;
import static org.tandem.jooq.Tables.INVITATION;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record11;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.Select;
import org.jooq.SelectLimitStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.jooq.tables.Partner;

/**
 * Reads the audit trail of one clinic for its admins, newest first by (occurred_at, id) with keyset paging: each
 * filter is an equality or a range on an index that keeps that order (V015), so a page costs the same whether it is
 * the first or the thousandth, and the export walks the same index with a cursor instead of loading the rows.
 */
@Repository
class AuditLogRepository {

    /** Rows the JDBC driver holds at a time while the export streams (PostgreSQL: a server-side cursor). */
    static final int FETCH_SIZE = 1000;

    private static final Partner ONE = PARTNER.as("partner_one");
    private static final Partner TWO = PARTNER.as("partner_two");

    private final DSLContext dsl;

    AuditLogRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Up to {@code limit} rows after the cursor (from the newest without one). */
    List<AuditEntry> page(long clinicId, AuditFilter filter, ZoneId zone, @Nullable AuditCursor after, int limit) {
        Condition below = after == null ? noCondition()
                : row(AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ID).lt(after.occurredAt(), after.id());
        return rows(clinicId, filter, zone, below).limit(limit).fetch(Records.mapping(AuditEntry::new));
    }

    /** Hands every row of the filter to {@code each}, newest first, holding only {@link #FETCH_SIZE} at a time. */
    long forEach(long clinicId, AuditFilter filter, ZoneId zone, Consumer<AuditEntry> each) {
        long count = 0;
        try (Stream<AuditEntry> rows = rows(clinicId, filter, zone, noCondition()).fetchSize(FETCH_SIZE)
                .fetchStream().map(Records.mapping(AuditEntry::new))) {
            for (Iterator<AuditEntry> it = rows.iterator(); it.hasNext(); count++) {
                each.accept(it.next());
            }
        }
        return count;
    }

    private SelectLimitStep<Record11<Long, OffsetDateTime, Long, String, String, String, String, Long, Outcome,
            String, String>> rows(long clinicId, AuditFilter filter, ZoneId zone, Condition below) {
        return dsl.select(AUDIT_EVENT.ID, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ACTOR_ACCOUNT_ID, AUDIT_EVENT.ACTOR,
                        ACCOUNT.DISPLAY_NAME, AUDIT_EVENT.ACTION, AUDIT_EVENT.SUBJECT_TYPE, AUDIT_EVENT.SUBJECT_ID,
                        AUDIT_EVENT.OUTCOME, AUDIT_EVENT.DETAIL, AUDIT_EVENT.ADDRESS)
                .from(AUDIT_EVENT)
                .leftJoin(ACCOUNT).on(ACCOUNT.ID.eq(AUDIT_EVENT.ACTOR_ACCOUNT_ID))
                .where(matching(clinicId, filter, zone), below)
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc());
    }

    private static Condition matching(long clinicId, AuditFilter filter, ZoneId zone) {
        Condition matching = AUDIT_EVENT.CLINIC_ID.eq(clinicId);
        Long actor = filter.actorAccountId();
        if (actor != null) {
            matching = matching.and(AUDIT_EVENT.ACTOR_ACCOUNT_ID.eq(actor));
        }
        Long couple = filter.coupleId();
        if (couple != null) {
            matching = matching.and(about(clinicId, couple));
        }
        AuditAction action = filter.action();
        if (action != null) {
            matching = matching.and(AUDIT_EVENT.ACTION.eq(action.stored()));
        }
        Outcome outcome = filter.outcome();
        if (outcome != null) {
            matching = matching.and(AUDIT_EVENT.OUTCOME.eq(outcome));
        }
        LocalDate from = filter.from();
        if (from != null) {
            matching = matching.and(AUDIT_EVENT.OCCURRED_AT.ge(startOf(from, zone)));
        }
        LocalDate to = filter.to();
        if (to != null) {
            matching = matching.and(AUDIT_EVENT.OCCURRED_AT.lt(startOf(to.plusDays(1), zone)));
        }
        return matching;
    }

    /** The clinic's midnight that begins the day (the first instant of it on a day that skips midnight). */
    private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    /**
     * Rows about the couple: the couple itself, its partners, their invitations, its sessions, check-ins, assignments
     * and their answer sets, and goals; and refusals that name the couple ("couple 12: not on the caseload"). Only a
     * couple of the clinic finds anything. Each part is an equality on an index, so PostgreSQL combines them without
     * walking the clinic.
     */
    private static Condition about(long clinicId, long coupleId) {
        return subject(Subject::couple, select(COUPLE.ID).from(COUPLE)
                        .where(COUPLE.CLINIC_ID.eq(clinicId), COUPLE.ID.eq(coupleId)))
                .or(subject(Subject::partner, select(PARTNER.ID).from(PARTNER)
                        .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.COUPLE_ID.eq(coupleId))))
                .or(subject(Subject::invitation, select(INVITATION.ID).from(INVITATION)
                        .join(PARTNER).on(PARTNER.CLINIC_ID.eq(INVITATION.CLINIC_ID), PARTNER.ID.eq(INVITATION.PARTNER_ID))
                        .where(INVITATION.CLINIC_ID.eq(clinicId), PARTNER.COUPLE_ID.eq(coupleId))))
                .or(subject(Subject::session, select(COUPLE_SESSION.ID).from(COUPLE_SESSION)
                        .where(COUPLE_SESSION.CLINIC_ID.eq(clinicId), COUPLE_SESSION.COUPLE_ID.eq(coupleId))))
                .or(subject(Subject::checkIn, select(CHECK_IN.ID).from(CHECK_IN)
                        .where(CHECK_IN.CLINIC_ID.eq(clinicId), CHECK_IN.COUPLE_ID.eq(coupleId))))
                .or(subject(Subject::assignment, select(MODULE_ASSIGNMENT.ID).from(MODULE_ASSIGNMENT)
                        .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(clinicId), MODULE_ASSIGNMENT.COUPLE_ID.eq(coupleId))))
                .or(subject(Subject::work, select(ASSIGNMENT_WORK.ID).from(ASSIGNMENT_WORK)
                        .join(MODULE_ASSIGNMENT).on(MODULE_ASSIGNMENT.CLINIC_ID.eq(ASSIGNMENT_WORK.CLINIC_ID),
                                MODULE_ASSIGNMENT.ID.eq(ASSIGNMENT_WORK.ASSIGNMENT_ID))
                        .where(ASSIGNMENT_WORK.CLINIC_ID.eq(clinicId), MODULE_ASSIGNMENT.COUPLE_ID.eq(coupleId))))
                .or(subject(Subject::goal, select(GOAL.ID).from(GOAL)
                        .where(GOAL.CLINIC_ID.eq(clinicId), GOAL.COUPLE_ID.eq(coupleId))))
                .or(AUDIT_EVENT.ACTION.eq(AuditAction.ACCESS_DENIED.stored())
                        .and(AUDIT_EVENT.DETAIL.startsWith("couple " + coupleId + ": "))
                        .andExists(select(COUPLE.ID).from(COUPLE)
                                .where(COUPLE.CLINIC_ID.eq(clinicId), COUPLE.ID.eq(coupleId))));
    }

    /** The subject type as {@link Subject} writes it, and its id among the query's. */
    private static Condition subject(LongFunction<Subject> type, Select<? extends Record1<Long>> ids) {
        return AUDIT_EVENT.SUBJECT_TYPE.eq(type.apply(0).type()).and(AUDIT_EVENT.SUBJECT_ID.in(ids));
    }

    /** The clinic's accounts (staff and partners), by name. */
    List<AuditPerson> people(long clinicId) {
        return dsl.select(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME, ACCOUNT.EMAIL)
                .from(ACCOUNT)
                .where(ACCOUNT.CLINIC_ID.eq(clinicId))
                .orderBy(DSL.lower(ACCOUNT.DISPLAY_NAME), ACCOUNT.ID)
                .fetch(Records.mapping(AuditPerson::new));
    }

    /** The clinic's couples by their partners' names, "Alex Morgan & Samira Patel". */
    List<AuditCouple> couples(long clinicId) {
        return dsl.select(COUPLE.ID, ONE.FULL_NAME, TWO.FULL_NAME)
                .from(COUPLE)
                .join(ONE).on(ONE.CLINIC_ID.eq(COUPLE.CLINIC_ID), ONE.COUPLE_ID.eq(COUPLE.ID), ONE.POSITION.eq((short) 1))
                .leftJoin(TWO).on(TWO.CLINIC_ID.eq(COUPLE.CLINIC_ID), TWO.COUPLE_ID.eq(COUPLE.ID),
                        TWO.POSITION.eq((short) 2))
                .where(COUPLE.CLINIC_ID.eq(clinicId))
                .orderBy(DSL.lower(ONE.FULL_NAME), COUPLE.ID)
                .fetch(row -> new AuditCouple(row.value1(),
                        row.value3() == null ? row.value2() : row.value2() + " & " + row.value3()));
    }
}
