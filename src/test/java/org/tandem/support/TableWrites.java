package org.tandem.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * The row count of every table of the schema, and the sum of the versions of every table that has them, in one
 * query: to prove that a refused call wrote nothing (no half-written row), and to see that a form saved. Row counts rather than {@code pg_stat_user_tables}: the statistics reach other sessions only
 * when a backend flushes them, up to a second later. Read outside a rolling-back test transaction, after the call's
 * own transaction ended.
 */
public final class TableWrites {

    private final DSLContext dsl;
    private final String query;

    /**
     * @param ignored tables left out of the counts, e.g. the audit trail that every call may append to: under
     *     row-level security each counted row costs the policy's check, and the trail grows with every call
     */
    public TableWrites(DSLContext dsl, Set<String> ignored) {
        this.dsl = dsl;
        List<String> tables = dsl.fetch("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'flyway_schema_history'
                order by c.relname""").getValues(0, String.class).stream()
                .filter(table -> !ignored.contains(table)).toList();
        List<String> versioned = dsl.fetch("""
                select table_name from information_schema.columns
                where table_schema = 'public' and column_name = 'version' and data_type in ('integer', 'bigint')
                order by table_name""")
                .getValues(0, String.class).stream().filter(table -> !ignored.contains(table)).toList();
        // Rows of every table, and the sum of the versions of every table users edit (an update leaves the count).
        this.query = java.util.stream.Stream.concat(
                tables.stream().map(table -> "select '" + table + "', count(*) from \"" + table + "\""),
                versioned.stream().map(table -> "select '" + table + ".version', coalesce(sum(version), 0)::bigint"
                        + " from \"" + table + "\""))
                .collect(Collectors.joining(" union all "));
    }

    /** Rows per table now. */
    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        for (org.jooq.Record row : dsl.resultQuery(query).fetch()) {
            counts.put(row.get(0, String.class), row.get(1, Long.class));
        }
        return counts;
    }

    /** The tables (or "table.version"), other than those {@code allowed} to change, that differ between snapshots. */
    public static Set<String> changed(Map<String, Long> before, Map<String, Long> after, Set<String> allowed) {
        return after.keySet().stream().filter(table -> !allowed.contains(table.replace(".version", "")))
                .filter(table -> !after.get(table).equals(before.get(table)))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
