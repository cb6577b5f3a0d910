package org.tandem.caseload;

import static java.util.stream.Collectors.toMap;
import static org.jooq.impl.DSL.case_;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.coalesce;
import static org.tandem.jooq.Tables.ASSIGNMENT_WORK;
import static org.tandem.jooq.Tables.BALANCE_SUMMARY;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.SortField;
import org.jooq.TableOnConditionStep;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.tandem.couples.CoupleFilter;
import org.tandem.couples.CoupleFilterCondition;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.TherapistRole;
import org.tandem.jooq.tables.Partner;
import org.tandem.sessions.SessionStatus;

/**
 * The caseload in two statements per page whatever its size: one for the rows, one for the count.
 * Filtering, sorting and paging all happen in SQL; last and next session are correlated subqueries
 * served by the (clinic_id, couple_id, starts_at) index of couple_session. The balance columns are read from the
 * balance summary the balance feature keeps per couple (never computed per row; see
 * docs/decisions/012-alert-summary.md); a couple without a summary row yet shows no zone and no alerts.
 */
@Repository
class CaseloadRepository {

    private static final Partner ONE = PARTNER.as("partner_one");
    private static final Partner TWO = PARTNER.as("partner_two");
    private static final List<Field<String>> NAMES = List.of(ONE.FULL_NAME, ONE.PREFERRED_NAME, TWO.FULL_NAME,
            TWO.PREFERRED_NAME);

    /**
     * The last session: the latest one that has begun and was held, or is still SCHEDULED (not marked
     * yet, so most likely held). Cancelled sessions and no-shows do not count: the therapist wants to
     * know when they last actually worked with the couple.
     */
    private static Field<OffsetDateTime> lastSession(OffsetDateTime now) {
        return field(select(max(COUPLE_SESSION.STARTS_AT))
                .from(COUPLE_SESSION)
                .where(COUPLE_SESSION.CLINIC_ID.eq(COUPLE.CLINIC_ID), COUPLE_SESSION.COUPLE_ID.eq(COUPLE.ID),
                        COUPLE_SESSION.STARTS_AT.lt(now),
                        COUPLE_SESSION.STATUS.in(SessionStatus.HELD, SessionStatus.SCHEDULED)));
    }

    /** The next session: the earliest SCHEDULED one that has not begun. */
    private static Field<OffsetDateTime> nextSession(OffsetDateTime now) {
        return field(select(min(COUPLE_SESSION.STARTS_AT))
                .from(COUPLE_SESSION)
                .where(COUPLE_SESSION.CLINIC_ID.eq(COUPLE.CLINIC_ID), COUPLE_SESSION.COUPLE_ID.eq(COUPLE.ID),
                        COUPLE_SESSION.STARTS_AT.ge(now), COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED)));
    }

    /** Assignments past their due date (in the clinic's zone) that not every partner has submitted yet. */
    private static Field<Integer> overdueModules(LocalDate today) {
        return field(selectCount().from(MODULE_ASSIGNMENT)
                .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(COUPLE.CLINIC_ID), MODULE_ASSIGNMENT.COUPLE_ID.eq(COUPLE.ID),
                        MODULE_ASSIGNMENT.DUE_ON.lt(today),
                        exists(selectOne().from(ASSIGNMENT_WORK)
                                .where(ASSIGNMENT_WORK.ASSIGNMENT_ID.eq(MODULE_ASSIGNMENT.ID),
                                        ASSIGNMENT_WORK.SUBMITTED_AT.isNull()))));
    }

    private static final Field<Integer> ALERTS = coalesce(BALANCE_SUMMARY.ALERTS, 0);

    private static final Field<Integer> STATUS_ORDER = declaredOrder(COUPLE.STATUS, CoupleStatus.class);

    private static final Field<Integer> ROLE_ORDER = declaredOrder(COUPLE_THERAPIST.ROLE, TherapistRole.class);

    /** Sorts an enum column in the order its constants are declared (INTAKE before ACTIVE, PRIMARY first). */
    private static <E extends Enum<E>> Field<Integer> declaredOrder(Field<E> column, Class<E> type) {
        return case_(column).mapValues(EnumSet.allOf(type).stream().collect(toMap(value -> value, Enum::ordinal)));
    }

    private final DSLContext dsl;

    CaseloadRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The couples on which this therapist is primary or co-therapist, within their clinic only. */
    List<CaseloadEntry> caseload(long clinicId, long therapistId, CoupleFilter filter, List<CaseloadSort> sort,
            int offset, int limit, LocalDate today, OffsetDateTime now) {
        return dsl.select(COUPLE.ID, ONE.FULL_NAME, ONE.PREFERRED_NAME, TWO.FULL_NAME, TWO.PREFERRED_NAME,
                        COUPLE.STATUS,
                        field(COUPLE_THERAPIST.ROLE.eq(TherapistRole.CO_THERAPIST)),
                        lastSession(now).as("last_session"), nextSession(now).as("next_session"),
                        overdueModules(today).as("overdue_modules"),
                        BALANCE_SUMMARY.PARTNER_ONE_ZONE,
                        BALANCE_SUMMARY.PARTNER_ONE_TREND,
                        BALANCE_SUMMARY.PARTNER_TWO_ZONE,
                        BALANCE_SUMMARY.PARTNER_TWO_TREND,
                        ALERTS.as("alerts"))
                .from(caseloadTables())
                .where(caseloadCondition(clinicId, therapistId, filter))
                .orderBy(orderBy(sort, today, now))
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping(CaseloadEntry::new));
    }

    int caseloadSize(long clinicId, long therapistId, CoupleFilter filter) {
        return dsl.selectCount()
                .from(caseloadTables())
                .where(caseloadCondition(clinicId, therapistId, filter))
                .fetchSingle()
                .value1();
    }

    private static TableOnConditionStep<Record> caseloadTables() {
        return COUPLE_THERAPIST
                .join(COUPLE).on(COUPLE.ID.eq(COUPLE_THERAPIST.COUPLE_ID), COUPLE.CLINIC_ID.eq(COUPLE_THERAPIST.CLINIC_ID))
                .join(ONE).on(ONE.COUPLE_ID.eq(COUPLE.ID), ONE.POSITION.eq((short) 1))
                .leftJoin(TWO).on(TWO.COUPLE_ID.eq(COUPLE.ID), TWO.POSITION.eq((short) 2))
                .leftJoin(BALANCE_SUMMARY).on(BALANCE_SUMMARY.COUPLE_ID.eq(COUPLE.ID),
                        BALANCE_SUMMARY.CLINIC_ID.eq(COUPLE.CLINIC_ID));
    }

    private static Condition caseloadCondition(long clinicId, long therapistId, CoupleFilter filter) {
        return COUPLE_THERAPIST.CLINIC_ID.eq(clinicId)
                .and(COUPLE_THERAPIST.ACCOUNT_ID.eq(therapistId))
                .and(CoupleFilterCondition.of(filter, NAMES, COUPLE.STATUS))
                .and(filter.needsAttention() ? ALERTS.gt(0) : noCondition());
    }

    /** The requested order, then by name and id, so that pages never overlap or skip a couple. */
    private static List<SortField<?>> orderBy(List<CaseloadSort> sort, LocalDate today, OffsetDateTime now) {
        List<SortField<?>> fields = new ArrayList<>();
        for (CaseloadSort criterion : sort) {
            Field<?> field = switch (criterion.column()) {
                case PARTNER_ONE -> lower(ONE.FULL_NAME);
                case PARTNER_TWO -> lower(TWO.FULL_NAME);
                case STATUS -> STATUS_ORDER;
                case ROLE -> ROLE_ORDER;
                case LAST_SESSION -> lastSession(now);
                case NEXT_SESSION -> nextSession(now);
                case OVERDUE_MODULES -> overdueModules(today);
                case ALERTS -> ALERTS;
            };
            // Couples without a (last, next) session or second partner come last in either direction.
            fields.add(criterion.direction() == CaseloadSort.Direction.ASCENDING
                    ? field.asc().nullsLast()
                    : field.desc().nullsLast());
        }
        fields.add(lower(ONE.FULL_NAME).asc());
        fields.add(COUPLE.ID.asc());
        return fields;
    }
}
