package org.tandem.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.StrictTenancy;
import org.tandem.support.TestModules;

/**
 * The application's checks bypassed: raw SQL on the application role's own connection, with only the clinic of the
 * transaction set as the data layer sets it, sees and writes nothing of another clinic, on every table that carries
 * one (found in the catalog, not listed by hand), and nothing at all with no clinic set
 * (docs/decisions/029-second-wall-in-the-database.md).
 */
@IntegrationTest
@StrictTenancy
class RowLevelSecurityTest {

    private static final Logger log = LoggerFactory.getLogger(RowLevelSecurityTest.class);

    @Autowired Fixtures fixtures;
    @Autowired DSLContext dsl;
    @Autowired DataSource dataSource;

    Clinic a;
    Clinic b;

    /** The same practice in both clinics, built through the services: rows in most tenant tables of each. */
    @BeforeEach
    void two_clinics() {
        a = practice("Clinic A");
        b = practice("Clinic B");
    }

    private Clinic practice(String name) {
        Clinic clinic = fixtures.clinic(name);
        fixtures.admin(clinic, name + " Admin");
        Person therapist = fixtures.therapist(clinic, name + " Therapist");
        Couple couple = fixtures.couple(therapist, name + " One", name + " Two");
        fixtures.session(therapist, couple, LocalDateTime.of(2026, 3, 2, 10, 0));
        fixtures.checkIn(therapist, couple, couple.one(), 5, 4, 2, 6, 3, 1, 2, 3, 5, 2);
        fixtures.goal(therapist, couple, "Walk together on Sundays");
        long module = TestModules.publish(dsl, therapist.email(), TestModules.everyKind(name + " module"));
        fixtures.assignment(therapist, couple, module, couple.one(), "feel", "Better");
        return clinic;
    }

    @Test
    void in_one_clinic_no_row_of_the_other_is_seen_on_any_table() throws SQLException {
        Connection connection = applicationConnection();
        List<String> tables = tenantTables(connection);
        Map<String, long[]> rows = new LinkedHashMap<>();
        for (String table : tables) {
            set(connection, null, true);
            long ofA = count(connection, table, keyOf(table) + " = " + a.id());
            long ofB = count(connection, table, keyOf(table) + " = " + b.id());
            set(connection, a.id(), false);
            assertThat(count(connection, table, keyOf(table) + " = " + b.id())).as(table + ": B's rows seen from A")
                    .isZero();
            assertThat(count(connection, table, keyOf(table) + " <> " + a.id())).as(table + ": other clinics' rows")
                    .isZero();
            assertThat(count(connection, table, keyOf(table) + " = " + a.id())).as(table + ": A's own rows")
                    .isEqualTo(ofA);
            rows.put(table, new long[] {ofA, ofB});
        }
        long tablesWithRowsOfB = rows.values().stream().filter(counts -> counts[1] > 0).count();
        long rowsOfB = rows.values().stream().mapToLong(counts -> counts[1]).sum();
        log.info("Row-level security: {} tenant tables checked, {} of them with rows of clinic B ({} rows), none seen "
                + "from clinic A", tables.size(), tablesWithRowsOfB, rowsOfB);
        assertThat(tables).hasSizeGreaterThanOrEqualTo(30);
        assertThat(tablesWithRowsOfB).isGreaterThanOrEqualTo(15);
    }

    @Test
    void with_no_clinic_set_nothing_is_seen_but_the_built_in_modules() throws SQLException {
        Connection connection = applicationConnection();
        set(connection, null, false);
        assertThat(tablesWithRows(connection)).isEmpty();
        assertThat(count(connection, "module", "clinic_id is null")).as("built-in modules").isPositive();
        assertThat(count(connection, "audit_event", "true")).as("audit rows, also those of no clinic").isZero();
    }

    @Test
    void a_scope_that_is_not_exactly_the_installation_sees_nothing() throws SQLException {
        // The policy's scope arm is written for the planner (V028): it must still let through only 'installation'.
        Connection connection = applicationConnection();
        for (String scope : List.of("clinic", "Installation", "installation ", "true")) {
            set(connection, null, scope);
            assertThat(tablesWithRows(connection)).as("tables seen in scope '%s'", scope).isEmpty();
        }
        set(connection, null, "installation");
        assertThat(count(connection, "couple", "true")).as("couples of both clinics").isGreaterThanOrEqualTo(2);
    }

    @Test
    void from_one_clinic_no_row_of_the_other_can_be_written_moved_or_removed() throws SQLException {
        Connection connection = applicationConnection();
        set(connection, a.id(), false);
        List<String> refusedMoves = new ArrayList<>();
        for (String table : tenantTables(connection)) {
            String key = keyOf(table);
            if (table.equals("audit_event")) {
                continue; // no update or delete at all (the grant, decision 029): its insert is tried below
            }
            // clinic.id is an identity, never updated: its name stands in.
            String same = table.equals("clinic") ? "name = name" : key + " = " + key;
            assertThat(update(connection, "update " + table + " set " + same + " where " + key + " = " + b.id()))
                    .as(table + ": B's rows updated from A").isZero();
            assertThat(update(connection, "delete from " + table + " where " + key + " = " + b.id()))
                    .as(table + ": B's rows deleted from A").isZero();
            if (!table.equals("clinic") && count(connection, table, key + " = " + a.id()) > 0) {
                assertThatThrownBy(() -> update(connection, "update " + table + " set " + key + " = " + b.id()
                        + " where " + key + " = " + a.id())).as(table + ": A's row moved to B")
                        .hasMessageContaining("violates row-level security policy");
                refusedMoves.add(table);
            }
        }
        assertThatThrownBy(() -> update(connection, "insert into audit_event (occurred_at, actor, action, outcome,"
                + " clinic_id) values (now(), 'forger', 'TEST', 'SUCCESS', " + b.id() + ")"))
                .hasMessageContaining("violates row-level security policy");
        assertThatThrownBy(() -> update(connection, "insert into couple (clinic_id, created_at, updated_at, status)"
                + " values (" + b.id() + ", now(), now(), 'ACTIVE')"))
                .hasMessageContaining("violates row-level security policy");
        assertThatThrownBy(() -> update(connection, "insert into module (clinic_id, builtin_key, created_at, "
                + "updated_at, title, category, draft) select null, 'forged', now(), now(), 'Forged', category, draft "
                + "from module where clinic_id is null limit 1"))
                .as("a built-in module written by a clinic").hasMessageContaining("violates row-level security policy");
        log.info("Row-level security: {} tables refused a row moved from clinic A to clinic B", refusedMoves.size());
        assertThat(refusedMoves).hasSizeGreaterThanOrEqualTo(15);
    }

    /** The test transaction's own connection from the application's pool: the application role, no jOOQ. */
    private Connection applicationConnection() throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement();
                ResultSet user = statement.executeQuery("select current_user")) {
            user.next();
            assertThat(user.getString(1)).isEqualTo("tandem_app");
        }
        return connection;
    }

    private static List<String> tenantTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet found = statement.executeQuery(RowLevelSecurityCatalogTest.TENANT_TABLES)) {
            while (found.next()) {
                tables.add(found.getString(1));
            }
        }
        return tables;
    }

    /** The tenant tables of which the connection sees at least one row with a clinic. */
    private static List<String> tablesWithRows(Connection connection) throws SQLException {
        List<String> seen = new ArrayList<>();
        for (String table : tenantTables(connection)) {
            if (count(connection, table, keyOf(table) + " is not null") > 0) {
                seen.add(table);
            }
        }
        return seen;
    }

    private static String keyOf(String table) {
        return table.equals("clinic") ? "id" : "clinic_id";
    }

    /** Sets the context as the data layer does for a transaction (decision 029). */
    private static void set(Connection connection, Long clinicId, boolean installation) throws SQLException {
        set(connection, clinicId, installation ? "installation" : "");
    }

    private static void set(Connection connection, Long clinicId, String scope) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('tandem.clinic_id', ?, true), set_config('tandem.scope', ?, true)")) {
            statement.setString(1, clinicId == null ? "" : clinicId.toString());
            statement.setString(2, scope);
            statement.execute();
        }
    }

    private static long count(Connection connection, String table, String condition) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet counted = statement.executeQuery(
                        "select count(*) from " + table + " where " + condition)) {
            counted.next();
            return counted.getLong(1);
        }
    }

    /** Runs one write inside a savepoint, so that a refusal leaves the test's transaction usable. */
    private static int update(Connection connection, String sql) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            int changed = statement.executeUpdate(sql);
            connection.releaseSavepoint(savepoint);
            return changed;
        } catch (SQLException refused) {
            connection.rollback(savepoint);
            throw refused;
        }
    }
}
