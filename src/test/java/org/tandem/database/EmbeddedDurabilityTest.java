package org.tandem.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL with a data directory (the README's run) keeps every committed write
 * when its processes are killed: it starts with the application's own factory, a row is committed,
 * every PostgreSQL process is killed at once (kill -9), and the next start on the same directory
 * finds the row.
 */
class EmbeddedDurabilityTest {

    @Test
    void a_committed_row_survives_killing_postgres(@TempDir Path dataDir) throws Exception {
        EmbeddedPostgres first = EmbeddedDatabaseConfiguration.start(dataDir.toString());
        try (Connection connection = first.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(setting(statement, "fsync")).isEqualTo("on");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(statement, "full_page_writes")).isEqualTo("on");
            assertThat(setting(statement, "autovacuum")).isEqualTo("on");
            statement.execute("create table saved_note (id int primary key, text text not null)");
            connection.setAutoCommit(false);
            statement.executeUpdate("insert into saved_note values (1, 'reported as saved')");
            connection.commit();
            killEveryPostgresProcess(dataDir);
        }
        first.close(); // releases zonky's lock on the directory; the server is already gone

        EmbeddedPostgres second = EmbeddedDatabaseConfiguration.start(dataDir.toString());
        try (Connection connection = second.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select text from saved_note where id = 1")) {
            assertThat(row.next()).as("the committed row after the crash").isTrue();
            assertThat(row.getString(1)).isEqualTo("reported as saved");
            assertThat(setting(statement, "fsync")).isEqualTo("on");
        } finally {
            second.close();
        }
    }

    @Test
    void a_throw_away_database_skips_the_disk() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedDatabaseConfiguration.start("");
                Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(setting(statement, "fsync")).isEqualTo("off");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("off");
            assertThat(setting(statement, "autovacuum")).as("statistics change only when the owner analyzes")
                    .isEqualTo("off");
        }
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet value = statement.executeQuery("show " + name)) {
            value.next();
            return value.getString(1);
        }
    }

    /** The postmaster and its children (WAL writer, checkpointer, backends) die together, as in a power cut. */
    private static void killEveryPostgresProcess(Path dataDir) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().get();
        assertThat(postmaster.isAlive()).isFalse();
    }
}
