package org.tandem.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A real PostgreSQL embedded in the application for development and tests, so that nothing has
 * to be installed. Active only while zonky is on the classpath (it is an optional dependency, so
 * the packaged jar never has it) and no {@code spring.datasource.url} is configured.
 * See docs/decisions/001-embedded-postgresql.md.
 *
 * <p>Two roles, as on an external database (docs/decisions/029-second-wall-in-the-database.md): the superuser
 * {@code postgres} owns the schema and runs Flyway ({@link FlywayDataSource}); the application's pool connects as
 * {@code tandem.database.app-role}, created here when missing, which owns nothing and cannot bypass row security.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /**
     * A persistent data directory holds a practice's records: every commit the screen reports as saved
     * is on disk (zonky's defaults turn all three off; see docs/decisions/001-embedded-postgresql.md).
     */
    static final Map<String, String> DURABLE = Map.of(
            "fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

    /**
     * A throw-away database (tests: no data directory) dies with its JVM anyway, so it may skip the disk. Nor does it
     * vacuum and analyze in the background: a test writes in a transaction it rolls back, and an autovacuum that
     * woke meanwhile counted only the committed rows among the pages of the rolled-back ones, and left the planner
     * expecting one row in tables holding thousands (a caseload page of 5,000 couples took 80 ms or 29 s by when it
     * woke, docs/decisions/001). Its statistics change only when a test has the owner analyze committed data.
     */
    static final Map<String, String> THROW_AWAY = Map.of(
            "fsync", "off", "synchronous_commit", "off", "full_page_writes", "off", "autovacuum", "off");

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${tandem.embedded-db.data-dir:}") String dataDir) throws IOException {
        return start(dataDir);
    }

    /**
     * Starts the embedded PostgreSQL as the application does: durable in {@code dataDir}, or throw-away
     * when it is blank. Package-level so that tests start exactly the application's server.
     */
    static EmbeddedPostgres start(String dataDir) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        boolean durable = !dataDir.isBlank();
        Map<String, String> settings = durable ? DURABLE : THROW_AWAY;
        if (durable) {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            removeStaleLock(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL keeps its data in {}", dir);
        }
        settings.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on port {}, {} ({})", postgres.getPort(),
                durable ? "durable" : "throw-away", new TreeMap<>(settings));
        return postgres;
    }

    /** The owner's connections, for Flyway only: not a candidate where a plain {@link DataSource} is injected. */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource ownerDataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }

    /**
     * The application's pool, as the application role (created here on the first start of a data folder); it takes
     * spring.datasource.hikari.* like an external database's (pool size, connection timeout).
     */
    @Bean(destroyMethod = "close")
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, @Value("${tandem.database.app-role}") String appRole)
            throws SQLException {
        createApplicationRole(postgres.getPostgresDatabase(), appRole);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(appRole, "postgres"));
        dataSource.setUsername(appRole);
        // The embedded server trusts local connections; the password matters only to a copy of its data folder
        // run elsewhere, and this database is local to one machine.
        dataSource.setPassword(appRole);
        dataSource.setPoolName("tandem-embedded");
        return dataSource;
    }

    /**
     * The role the application connects as: it may log in and nothing more (no superuser, no row-security bypass,
     * no databases or roles of its own). Its grants come after every migration (ApplicationRoleGrants).
     */
    static void createApplicationRole(DataSource owner, String appRole) throws SQLException {
        try (Connection connection = owner.getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                query.setString(1, appRole);
                try (ResultSet found = query.executeQuery()) {
                    exists = found.next();
                }
            }
            String role = ApplicationRole.checkedName(appRole);
            try (Statement statement = connection.createStatement()) {
                statement.execute((exists ? "alter role " : "create role ") + role
                        + " login nosuperuser nobypassrls nocreatedb nocreaterole noinherit password '" + role + "'");
            }
        }
    }

    /** A PostgreSQL killed without a chance to clean up leaves its lock file; a live one keeps it. */
    private static void removeStaleLock(Path dir) throws IOException {
        Path lock = dir.resolve("postmaster.pid");
        if (!Files.exists(lock)) {
            return;
        }
        String firstLine = Files.readAllLines(lock).stream().findFirst().orElse("").strip();
        boolean alive = false;
        try {
            alive = ProcessHandle.of(Long.parseLong(firstLine)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException unreadable) {
            // An unreadable lock file is as good as stale.
        }
        if (alive) {
            throw new IllegalStateException("Another Tandem (PostgreSQL process " + firstLine + ") is using " + dir
                    + ". Stop it first, or set tandem.embedded-db.data-dir to another folder.");
        }
        Files.delete(lock);
        log.warn("Removed a stale PostgreSQL lock file from {}", dir);
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
