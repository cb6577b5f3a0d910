package org.tandem.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * The row count of every table of the schema in one query, to prove that a refused call wrote nothing (no
 * half-written row). Row counts rather than {@code pg_stat_user_tables}: the statistics reach other sessions only
 * when a backend flushes them, up to a second later. Read outside a rolling-back test transaction, after the call's
 * own transaction ended.
 */
public final class TableWrites {

    private final DSLContext dsl;
    private final String query;

    public TableWrites(DSLContext dsl) {
        this.dsl = dsl;
        List<String> tables = dsl.fetch("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'flyway_schema_history'
                order by c.relname""").getValues(0, String.class);
        this.query = tables.stream().map(table -> "select '" + table + "', count(*) from \"" + table + "\"")
                .collect(Collectors.joining(" union all "));
    }

    /** Rows per table now. */
    public Map<String, Integer> snapshot() {
        Map<String, Integer> counts = new TreeMap<>();
        for (org.jooq.Record row : dsl.resultQuery(query).fetch()) {
            counts.put(row.get(0, String.class), row.get(1, Integer.class));
        }
        return counts;
    }

    /** The tables, other than those {@code allowed} to change, whose count differs between two snapshots. */
    public static Set<String> changed(Map<String, Integer> before, Map<String, Integer> after, Set<String> allowed) {
        return after.keySet().stream().filter(table -> !allowed.contains(table))
                .filter(table -> !after.get(table).equals(before.get(table)))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
