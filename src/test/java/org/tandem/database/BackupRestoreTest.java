package org.tandem.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.support.DemoTest;

/**
 * The backup of docs/backup.md, run for real: Tandem migrates a PostgreSQL and loads the demo clinic (data in
 * every table), {@code pg_dump -Fc} writes the backup, {@code pg_restore} fills a new empty database, and every
 * table of the catalog (the Flyway history too) has the same row count and checksum in both.
 *
 * <p>pg_dump refuses a server newer than itself, and the embedded PostgreSQL 18 ships no pg_dump; so the test runs
 * a PostgreSQL installed on the machine (the newest under /usr/lib/postgresql, or the bin directory in
 * TANDEM_PG_BIN) with its own pg_dump and pg_restore.
 */
@SpringBootTest(properties = DemoTest.DEMO)
@ActiveProfiles("test")
@DirtiesContext
class BackupRestoreTest {

    private static final Optional<Path> BIN = installedPostgres();
    private static final int PORT = freePort();
    private static final Path WORK = temporaryDirectory();

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(BIN.isPresent(), "no PostgreSQL with pg_dump installed (set TANDEM_PG_BIN to its bin directory)");
        Path data = WORK.resolve("data");
        run(asPostgres(BIN.get().resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF-8"));
        run(asPostgres(BIN.get().resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                WORK.resolve("server.log").toString(), "-w", "start", "-o",
                "-p " + PORT + " -c listen_addresses=localhost -c unix_socket_directories=" + WORK));
        try (Connection postgres = connect("postgres"); Statement statement = postgres.createStatement()) {
            statement.execute("create database tandem");
            // As docker-compose does (db/docker/10-application-role.sh): the application connects as a role that
            // owns nothing, Flyway migrates as the owner, and the dump carries the grants between them.
            statement.execute("create role tandem_app login password 'tandem_app'");
        }
    }

    @DynamicPropertySource
    static void installedServer(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> url("tandem"));
        registry.add("spring.datasource.username", () -> "tandem_app");
        registry.add("spring.datasource.password", () -> "tandem_app");
        registry.add("spring.flyway.user", () -> "postgres");
        registry.add("spring.flyway.password", () -> "");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (BIN.isPresent() && Files.exists(WORK.resolve("data/postmaster.pid"))) {
            run(asPostgres(BIN.get().resolve("pg_ctl").toString(), "-D", WORK.resolve("data").toString(),
                    "-m", "fast", "-w", "stop"));
        }
    }

    @Test
    void a_custom_format_dump_restores_into_an_empty_database_table_for_table() throws Exception {
        Path dump = WORK.resolve("tandem.dump");
        run(List.of(BIN.orElseThrow().resolve("pg_dump").toString(), "-Fc", "-h", "localhost", "-p",
                String.valueOf(PORT), "-U", "postgres", "-d", "tandem", "-f", dump.toString()));
        try (Connection postgres = connect("postgres"); Statement statement = postgres.createStatement()) {
            statement.execute("create database restored");
        }
        run(List.of(BIN.orElseThrow().resolve("pg_restore").toString(), "-h", "localhost", "-p",
                String.valueOf(PORT), "-U", "postgres", "-d", "restored", "--no-owner", "--exit-on-error",
                dump.toString()));

        Map<String, String> original = tableContents("tandem");
        Map<String, String> restored = tableContents("restored");

        assertThat(original).containsKey("flyway_schema_history").containsKey("clinic");
        assertThat(restored).isEqualTo(original);
        long rows = original.values().stream().mapToLong(value -> Long.parseLong(value.split(" ")[0])).sum();
        assertThat(rows).isGreaterThan(original.size());
        System.out.printf("Backup and restore: %d tables, %d rows, every count and checksum equal%n",
                original.size(), rows);
    }

    /** For every table of the public schema: "row count md5-of-all-rows", read from both databases alike. */
    private static Map<String, String> tableContents(String database) throws SQLException {
        Map<String, String> contents = new LinkedHashMap<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery(
                    "select tablename from pg_tables where schemaname = 'public' order by tablename")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet sum = statement.executeQuery("select count(*) || ' ' || coalesce(md5(string_agg("
                        + "t::text, '|' order by t::text)), '-') from public.\"" + table + "\" t")) {
                    sum.next();
                    contents.put(table, sum.getString(1));
                }
            }
        }
        return contents;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + PORT + "/" + database;
    }

    /** PostgreSQL refuses to run as root; as zonky does, root runs it in a user namespace of its own. */
    private static List<String> asPostgres(String... command) {
        List<String> line = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(List.of(command));
        return line;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static Optional<Path> installedPostgres() {
        String configured = System.getenv("TANDEM_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_dump")) && Files.isExecutable(bin.resolve("postgres")))
                    .max((a, b) -> Integer.compare(major(a), major(b)));
        } catch (IOException none) {
            return Optional.empty();
        }
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException notAVersion) {
            return 0;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("tandem-backup-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
