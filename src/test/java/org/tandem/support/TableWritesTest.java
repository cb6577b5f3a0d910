package org.tandem.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The hostile-input tests' proof that a refusal wrote nothing: a committed write is seen with its table, a rolled-back
 * one and an ignored table are not, and nothing of it is left behind. Writes as the owner a clinic row it deletes again,
 * in the hostile-services test's context (its database), so that it costs no context of its own.
 */
@SpringBootTest(properties = "tandem.test.context=hostile-services")
@ActiveProfiles("test")
class TableWritesTest {

    private static final String INSERT = "insert into clinic (name, created_at) values ('Table Writes Clinic', '2026-01-01T00:00:00Z')";
    private static final String DELETE = "delete from clinic where name = 'Table Writes Clinic'";

    @Autowired EmbeddedPostgres postgres;

    @Test
    void a_committed_write_names_its_table_a_rolled_back_one_and_an_ignored_table_do_not() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            try (TableWrites writes = new TableWrites(postgres, Set.of("audit_event"))) {
                long before = writes.mark();
                assertThat(writes.since(before)).isEmpty();
                sql.execute(INSERT);
                sql.execute(DELETE);
                assertThat(writes.since(before)).containsExactly("clinic");

                long committed = writes.mark();
                connection.setAutoCommit(false);
                sql.execute(INSERT);
                connection.rollback();
                connection.setAutoCommit(true);
                assertThat(writes.since(committed)).isEmpty();
            }
            try (TableWrites writes = new TableWrites(postgres, Set.of("clinic"))) {
                long before = writes.mark();
                sql.execute(INSERT);
                sql.execute(DELETE);
                assertThat(writes.since(before)).isEmpty();
            }
            try (var triggers = sql.executeQuery("select count(*) from pg_trigger where tgname = 'tandem_test_write'")) {
                triggers.next();
                assertThat(triggers.getInt(1)).as("triggers left after close").isZero();
            }
        }
    }
}
