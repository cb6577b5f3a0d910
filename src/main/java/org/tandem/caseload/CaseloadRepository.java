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
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.val;
import static org.tandem.database.RenderedOnce.value;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.stream.IntStream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.SelectSeekStepN;
import org.jooq.Table;
import org.jooq.SortField;
import org.jooq.TableOnConditionStep;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.tandem.balance.Trend;
import org.tandem.balance.Zone;
import org.tandem.couples.CoupleFilter;
import org.tandem.couples.CoupleFilterCondition;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.TherapistRole;
import org.tandem.database.RenderedOnce;
import org.tandem.database.RenderedOnce.Value;
import org.tandem.jooq.tables.Partner;
import org.tandem.sessions.SessionStatus;

/**
 * The caseload in two statements per page whatever its size: one for the rows, one for the count.
 * Filtering, sorting and paging all happen in SQL; pages after the first seek on from the sort key of the row before
 * them (keyset paging, docs/decisions/036-statements-per-screen.md) rather than skip rows with an OFFSET; last and next session are correlated subqueries
 * served by the (clinic_id, couple_id, starts_at) index of couple_session. The balance columns are read from the
 * balance summary the balance feature keeps per couple (never computed per row; see
 * docs/decisions/012-alert-summary.md); a couple without a summary row yet shows no zone and no alerts.
 */
@Repository
class CaseloadRepository {

    /**
     * The couple of a caseload's row and its clinic, as the therapist's link to it holds them: the row's other tables
     * join on these, so that a statement that needs nothing of the couple's own row (a page by name without a status
     * filter, the key of a deep page, the count) does not read it (PostgreSQL drops a left join nothing reads).
     */
    private static final Field<Long> COUPLE_ID = COUPLE_THERAPIST.COUPLE_ID;
    private static final Field<Long> CLINIC_ID = COUPLE_THERAPIST.CLINIC_ID;

    private static final Partner ONE = PARTNER.as("partner_one");
    private static final Partner TWO = PARTNER.as("partner_two");
    private static final List<Field<String>> NAMES = List.of(ONE.FULL_NAME, ONE.PREFERRED_NAME, TWO.FULL_NAME,
            TWO.PREFERRED_NAME);

    /**
     * The last session: the latest one that has begun and was held, or is still SCHEDULED (not marked
     * yet, so most likely held). Cancelled sessions and no-shows do not count: the therapist wants to
     * know when they last actually worked with the couple.
     */
    private static Field<OffsetDateTime> lastSession(Field<OffsetDateTime> now, Field<Long> clinic,
            Field<Long> couple) {
        return field(select(max(COUPLE_SESSION.STARTS_AT))
                .from(COUPLE_SESSION)
                .where(COUPLE_SESSION.CLINIC_ID.eq(clinic), COUPLE_SESSION.COUPLE_ID.eq(couple),
                        COUPLE_SESSION.STARTS_AT.lt(now),
                        COUPLE_SESSION.STATUS.in(SessionStatus.HELD, SessionStatus.SCHEDULED)));
    }

    /** The next session: the earliest SCHEDULED one that has not begun. */
    private static Field<OffsetDateTime> nextSession(Field<OffsetDateTime> now, Field<Long> clinic,
            Field<Long> couple) {
        return field(select(min(COUPLE_SESSION.STARTS_AT))
                .from(COUPLE_SESSION)
                .where(COUPLE_SESSION.CLINIC_ID.eq(clinic), COUPLE_SESSION.COUPLE_ID.eq(couple),
                        COUPLE_SESSION.STARTS_AT.ge(now), COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED)));
    }

    /** Assignments past their due date (in the clinic's zone) that not every partner has submitted yet. */
    private static Field<Integer> overdueModules(Field<LocalDate> today, Field<Long> clinic, Field<Long> couple) {
        return field(selectCount().from(MODULE_ASSIGNMENT)
                .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(clinic), MODULE_ASSIGNMENT.COUPLE_ID.eq(couple),
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

    /**
     * The columns of a {@link CaseloadEntry}, in the order of its components, for the page's rows: their clinic,
     * couple and the therapist's role on it as the page's keys ({@link #page(PageShape)}) hold them.
     */
    private static List<Field<?>> entryFields(Field<LocalDate> today, Field<OffsetDateTime> now, Field<Long> clinic,
            Field<Long> couple, Field<TherapistRole> role) {
        return List.of(couple, ONE.FULL_NAME, ONE.PREFERRED_NAME, TWO.FULL_NAME, TWO.PREFERRED_NAME,
                COUPLE.STATUS,
                field(role.eq(TherapistRole.CO_THERAPIST)).as("co_therapist"),
                lastSession(now, clinic, couple).as("last_session"),
                nextSession(now, clinic, couple).as("next_session"),
                overdueModules(today, clinic, couple).as("overdue_modules"),
                BALANCE_SUMMARY.PARTNER_ONE_ZONE,
                BALANCE_SUMMARY.PARTNER_ONE_TREND,
                BALANCE_SUMMARY.PARTNER_TWO_ZONE,
                BALANCE_SUMMARY.PARTNER_TWO_TREND,
                ALERTS.as("alerts"));
    }

    /** A page of entries with the sort key of its last row, from which the next page seeks on. */
    record Rows(List<CaseloadEntry> entries, @Nullable List<Object> lastKey) {}

    /**
     * The couples on which this therapist is primary or co-therapist, within their clinic only: the {@code limit}
     * rows after the row whose sort key is {@code after} (from the first row when it is {@code null}), having skipped
     * {@code offset} more. The skip is an SQL {@code OFFSET} only from the first row and up to
     * {@link #MAX_OFFSET}; beyond, the row to seek after is found first by its position (docs/decisions/036).
     */
    Rows caseload(long clinicId, long therapistId, CoupleFilter filter, List<CaseloadSort> sort,
            @Nullable List<Object> after, int offset, int limit, LocalDate today, OffsetDateTime now) {
        List<Object> from = after;
        int skip = offset;
        if (skip > 0 && (from != null || skip > MAX_OFFSET)) {
            from = keyAfter(clinicId, therapistId, filter, sortKeys(sort, val(today), val(now)), from, skip);
            skip = 0;
            if (from == null) {
                return new Rows(List.of(), null);
            }
        }
        PageShape shape = new PageShape(sort, filter.terms().size(), Set.copyOf(filter.statuses()),
                filter.needsAttention(), from != null);
        RenderedOnce statement = pages.size() < MAX_SHAPES ? pages.computeIfAbsent(shape, CaseloadRepository::page)
                : page(shape);
        List<Value<?>> values = new ArrayList<>(List.of(value(CLINIC, clinicId), value(THERAPIST, therapistId),
                value(TODAY, today), value(NOW, now), value(LIMIT, limit)));
        for (int i = 0; i < shape.terms(); i++) {
            values.add(value(term(i), filter.terms().get(i)));
        }
        if (from == null) {
            values.add(value(OFFSET, skip));
        } else {
            for (int i = 0; i < from.size(); i++) {
                values.add(value(keyParam(i), from.get(i)));
            }
        }
        List<Record> rows = statement.select(dsl, values.toArray(Value<?>[]::new)).fetch();
        List<CaseloadEntry> entries = rows.stream().map(CaseloadRepository::entry).toList();
        return new Rows(entries, rows.isEmpty() ? null : key(rows.getLast(), rows.getLast().size() - ENTRY_COLUMNS));
    }

    /**
     * What a page's statement depends on besides its values: its order, how many words are searched for, the
     * statuses asked for, whether only couples needing attention are, and whether it seeks after a key (or starts
     * from the first row, skipping an offset). Each is rendered once (docs/decisions/039).
     */
    private record PageShape(List<CaseloadSort> sort, int terms, Set<CoupleStatus> statuses, boolean needsAttention,
            boolean seek) {}

    /** Shapes kept rendered; past this many (orders of many columns), a page's statement is rendered for itself. */
    private static final int MAX_SHAPES = 256;

    private final Map<PageShape, RenderedOnce> pages = new ConcurrentHashMap<>();

    private static final Param<Long> CLINIC = param("clinic", Long.class);
    private static final Param<Long> THERAPIST = param("therapist", Long.class);
    private static final Param<LocalDate> TODAY = param("today", LocalDate.class);
    private static final Param<OffsetDateTime> NOW = param("now", OffsetDateTime.class);
    private static final Param<Integer> OFFSET = param("offset", Integer.class);
    private static final Param<Integer> LIMIT = param("limit", Integer.class);

    private static Param<String> term(int index) {
        return param("term_" + index, String.class);
    }

    private static Param<Object> keyParam(int index) {
        return param("key_" + index);
    }

    /**
     * A page of this shape with its values as named parameters: a search's words, the key to seek after. In two
     * steps: the page's couples are chosen and ordered from the tables their filter and sort key read (PostgreSQL
     * leaves out the left joins neither reads), then only those rows are joined to the rest of their columns. In one
     * step, a page by name joined every couple of the caseload to its second partner, status and balance before
     * keeping 50 (3,300 index lookups for 1,100 couples on a network of 10,000: 9 ms instead of 3).
     */
    private static RenderedOnce page(PageShape shape) {
        return RenderedOnce.of(dsl -> {
            List<SortKey> keys = sortKeys(shape.sort(), TODAY, NOW);
            List<Field<?>> chosen = new ArrayList<>(List.of(CLINIC_ID, COUPLE_ID, COUPLE_THERAPIST.ROLE));
            chosen.addAll(keyColumns(keys));
            Condition filter = CoupleFilterCondition.of(IntStream.range(0, shape.terms())
                    .mapToObj(CaseloadRepository::term).toList(), shape.statuses(), NAMES, COUPLE.STATUS);
            SelectSeekStepN<Record> ordered = dsl.select(chosen)
                    .from(caseloadTables(COUPLE_THERAPIST, CLINIC_ID, COUPLE_ID))
                    .where(caseloadCondition(CLINIC, THERAPIST, filter, shape.needsAttention()))
                    .orderBy(orderBy(keys));
            Table<?> page;
            if (shape.seek()) {
                Field<?>[] after = IntStream.range(0, keys.size())
                        .mapToObj(i -> param(keyParam(i).getParamName(), keys.get(i).field().getDataType()))
                        .toArray(Field<?>[]::new);
                page = ordered.seek(after).limit(LIMIT).asTable("page");
            } else {
                page = ordered.offset(OFFSET).limit(LIMIT).asTable("page");
            }
            Field<Long> clinic = Objects.requireNonNull(page.field(CLINIC_ID));
            Field<Long> couple = Objects.requireNonNull(page.field(COUPLE_ID));
            List<Field<?>> selected = new ArrayList<>(entryFields(TODAY, NOW, clinic, couple,
                    Objects.requireNonNull(page.field(COUPLE_THERAPIST.ROLE))));
            List<SortField<?>> order = new ArrayList<>();
            String[] names = keyNames(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                Field<?> key = Objects.requireNonNull(page.field(names[i]));
                selected.add(key);
                order.add(keys.get(i).ascending() ? key.asc() : key.desc());
            }
            return dsl.select(selected).from(caseloadTables(page, clinic, couple)).orderBy(order);
        });
    }

    /**
     * Beyond this (two of the grid's pages), a skip is not an SQL OFFSET, which evaluates every skipped row's
     * correlated columns (1,000 rows: 80 ms at 1,100 couples), but a seek after a row found by its key alone.
     */
    static final int MAX_OFFSET = 100;

    /**
     * The sort key of the {@code skip}-th row after the row whose key is {@code after} (or from the start): the
     * rows' positions counted by a window in one statement that reads the keys only, and no OFFSET.
     */
    private @Nullable List<Object> keyAfter(long clinicId, long therapistId, CoupleFilter filter, List<SortKey> keys,
            @Nullable List<Object> after, int skip) {
        List<Field<?>> selected = new ArrayList<>(keyColumns(keys));
        selected.add(rowNumber().over().orderBy(orderBy(keys)).as("position"));
        SelectSeekStepN<Record> ordered = dsl.select(selected)
                .from(caseloadTables())
                .where(caseloadCondition(clinicId, therapistId, filter))
                .orderBy(orderBy(keys));
        Table<?> skipped = (after == null ? ordered.limit(skip) : ordered.seek(after.toArray()).limit(skip))
                .asTable("skipped");
        Field<Integer> position = Objects.requireNonNull(skipped.field("position", Integer.class));
        return dsl.select(skipped.fields(keyNames(keys.size())))
                .from(skipped)
                .where(position.eq(skip))
                .fetchOptional(row -> key(row, keys.size()))
                .orElse(null);
    }

    /** The columns of a {@link CaseloadEntry} in a page's row, before its sort key. */
    private static final int ENTRY_COLUMNS = 15;

    private static CaseloadEntry entry(Record row) {
        return new CaseloadEntry(row.get(0, Long.class), row.get(1, String.class), row.get(2, String.class),
                row.get(3, String.class), row.get(4, String.class), row.get(5, CoupleStatus.class),
                row.get(6, Boolean.class), row.get(7, OffsetDateTime.class), row.get(8, OffsetDateTime.class),
                row.get(9, Integer.class), row.get(10, Zone.class), row.get(11, Trend.class), row.get(12, Zone.class),
                row.get(13, Trend.class), row.get(14, Integer.class));
    }

    int caseloadSize(long clinicId, long therapistId, CoupleFilter filter) {
        return dsl.selectCount()
                .from(caseloadTables())
                .where(caseloadCondition(clinicId, therapistId, filter))
                .fetchSingle()
                .value1();
    }

    private static TableOnConditionStep<Record> caseloadTables() {
        return caseloadTables(COUPLE_THERAPIST, CLINIC_ID, COUPLE_ID);
    }

    /** The caseload's tables joined to {@code rows} (the therapist's links, or a page of them) by clinic and couple. */
    private static TableOnConditionStep<Record> caseloadTables(Table<?> rows, Field<Long> clinic, Field<Long> couple) {
        // The couple's row always exists (a foreign key): joined "left" only so that the planner may leave it out.
        return rows
                .join(ONE).on(ONE.CLINIC_ID.eq(clinic), ONE.COUPLE_ID.eq(couple), ONE.POSITION.eq((short) 1))
                .leftJoin(COUPLE).on(COUPLE.ID.eq(couple), COUPLE.CLINIC_ID.eq(clinic))
                .leftJoin(TWO).on(TWO.CLINIC_ID.eq(clinic), TWO.COUPLE_ID.eq(couple), TWO.POSITION.eq((short) 2))
                .leftJoin(BALANCE_SUMMARY).on(BALANCE_SUMMARY.COUPLE_ID.eq(couple),
                        BALANCE_SUMMARY.CLINIC_ID.eq(clinic));
    }

    private static Condition caseloadCondition(long clinicId, long therapistId, CoupleFilter filter) {
        return caseloadCondition(val(clinicId), val(therapistId), CoupleFilterCondition.of(filter, NAMES, COUPLE.STATUS),
                filter.needsAttention());
    }

    private static Condition caseloadCondition(Field<Long> clinic, Field<Long> therapist, Condition filter,
            boolean needsAttention) {
        return COUPLE_THERAPIST.CLINIC_ID.eq(clinic)
                .and(COUPLE_THERAPIST.ACCOUNT_ID.eq(therapist))
                .and(filter)
                .and(needsAttention ? ALERTS.gt(0) : noCondition());
    }

    /** One expression of the order, never null (so that a seek can compare it), and its direction. */
    private record SortKey(Field<?> field, boolean ascending) {}

    private static final OffsetDateTime NO_SESSION = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /**
     * The requested order, then by name and id, so that pages never overlap or skip a couple. A column that may be
     * empty (the second partner, the last or next session) sorts by "is empty" first, so that such couples come
     * last in either direction (as NULLS LAST did), then by its value with the empty ones made comparable.
     */
    private static List<SortKey> sortKeys(List<CaseloadSort> sort, Field<LocalDate> today, Field<OffsetDateTime> now) {
        List<SortKey> keys = new ArrayList<>();
        for (CaseloadSort criterion : sort) {
            boolean ascending = criterion.direction() == CaseloadSort.Direction.ASCENDING;
            switch (criterion.column()) {
                case PARTNER_ONE -> keys.add(new SortKey(lower(ONE.FULL_NAME), ascending));
                case PARTNER_TWO -> nullable(keys, lower(TWO.FULL_NAME), inline(""), ascending);
                case STATUS -> keys.add(new SortKey(STATUS_ORDER, ascending));
                case ROLE -> keys.add(new SortKey(ROLE_ORDER, ascending));
                case LAST_SESSION -> nullable(keys, lastSession(now, CLINIC_ID, COUPLE_ID), inline(NO_SESSION),
                        ascending);
                case NEXT_SESSION -> nullable(keys, nextSession(now, CLINIC_ID, COUPLE_ID), inline(NO_SESSION),
                        ascending);
                case OVERDUE_MODULES -> keys.add(new SortKey(overdueModules(today, CLINIC_ID, COUPLE_ID), ascending));
                case ALERTS -> keys.add(new SortKey(ALERTS, ascending));
            }
        }
        keys.add(new SortKey(lower(ONE.FULL_NAME), true));
        keys.add(new SortKey(COUPLE_ID, true));
        return keys;
    }

    private static <T> void nullable(List<SortKey> keys, Field<T> value, Field<T> whenEmpty, boolean ascending) {
        keys.add(new SortKey(field(value.isNull()), true));
        keys.add(new SortKey(coalesce(value, whenEmpty), ascending));
    }

    private static List<SortField<?>> orderBy(List<SortKey> keys) {
        return keys.stream().<SortField<?>>map(key -> key.ascending() ? key.field().asc() : key.field().desc())
                .toList();
    }

    private static List<Field<?>> keyColumns(List<SortKey> keys) {
        List<Field<?>> columns = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            columns.add(keys.get(i).field().as(keyNames(keys.size())[i]));
        }
        return columns;
    }

    private static String[] keyNames(int count) {
        return IntStream.range(0, count).mapToObj(i -> "sort_key_" + i).toArray(String[]::new);
    }

    /** The last {@code count} values of the row: its sort key. */
    private static List<Object> key(Record row, int count) {
        List<Object> key = new ArrayList<>();
        for (int i = row.size() - count; i < row.size(); i++) {
            key.add(Objects.requireNonNull(row.get(i)));
        }
        return key;
    }
}
