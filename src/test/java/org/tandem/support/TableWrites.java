package org.tandem.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Which tables a call wrote, committed: to prove that a refused call wrote nothing (no half-written row), and to see
 * that a form saved. While open, a row trigger on every table of the schema (but the {@code ignored} ones) notes the
 * table of each inserted, updated or deleted row in a log of its own schema; the note is part of the writing
 * transaction, so a call that rolls back leaves none. {@link #mark()} before the call, {@link #since} after it, once
 * the call's own transaction ended. {@link #close()} removes the triggers and the log.
 *
 * <p>A log rather than counting every table's rows before and after each call (what this class did first): the
 * counts grew with the tables and took most of the time of the hostile-input tests' 23,000 calls; they also missed
 * an update that leaves a table's row count and versions as they were.
 */
public final class TableWrites implements AutoCloseable {

    private static final String SCHEMA = "tandem_test_writes";

    /**
     * Tables written whatever a call's outcome: the audit trail (a refusal is audited, in a transaction of its own),
     * and the background recompute of an earlier saved balance setting (decision 037), whose batches and scheduled
     * runs go on in their own transactions while the next value is refused.
     */
    public static final Set<String> BESIDE_ANY_CALL =
            Set.of("audit_event", "balance_recompute", "balance_summary", "scheduled_run");

    private final Connection connection;
    private final DSLContext owner;

    /**
     * @param postgres the test's database, whose owner may put triggers on its tables
     * @param ignored tables that may change whatever the call's outcome, e.g. the audit trail that every call
     *     appends to
     */
    public TableWrites(EmbeddedPostgres postgres, Set<String> ignored) {
        try {
            // One connection held open: the owner's data source opens a new one (a new server process) per use.
            this.connection = postgres.getPostgresDatabase().getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect as the database's owner", e);
        }
        this.owner = DSL.using(connection, SQLDialect.POSTGRES);
        List<String> tables = owner.fetch("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'flyway_schema_history'
                order by c.relname""").getValues(0, String.class).stream()
                .filter(table -> !ignored.contains(table)).toList();
        owner.execute("drop schema if exists " + SCHEMA + " cascade");
        owner.execute("create schema " + SCHEMA);
        owner.execute("create table " + SCHEMA + ".log (id bigserial primary key, relname text not null)");
        // Security definer: the application's role writes the note without rights on the log's schema.
        owner.execute("""
                create function %1$s.note() returns trigger language plpgsql security definer
                set search_path = pg_catalog as $$
                begin
                    insert into %1$s.log (relname) values (tg_table_name);
                    return null;
                end $$""".formatted(SCHEMA));
        for (String table : tables) {
            owner.execute("create trigger tandem_test_write after insert or update or delete on public.\"" + table
                    + "\" for each row execute function " + SCHEMA + ".note()");
        }
    }

    /** Where the log stands now: pass it to {@link #since} after the call. */
    public long mark() {
        return owner.fetchSingle("select coalesce(max(id), 0) from " + SCHEMA + ".log").get(0, Long.class);
    }

    /** The tables that calls committed rows to since {@code mark}. */
    public Set<String> since(long mark) {
        return new TreeSet<>(owner.fetch("select distinct relname from " + SCHEMA + ".log where id > ?", mark)
                .getValues(0, String.class));
    }

    /** Removes the triggers with the log (they depend on its function). */
    @Override
    public void close() {
        try (connection) {
            owner.execute("drop schema if exists " + SCHEMA + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close the owner's connection", e);
        }
    }
}
