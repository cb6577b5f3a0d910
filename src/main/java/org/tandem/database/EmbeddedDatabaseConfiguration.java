package org.tandem.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A real PostgreSQL embedded in the application for development and tests, so that nothing has
 * to be installed. Active only while zonky is on the classpath (it is an optional dependency, so
 * the packaged jar never has it) and no {@code spring.datasource.url} is configured.
 * See docs/decisions/001-embedded-postgresql.md.
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

    /** A throw-away database (tests: no data directory) dies with its JVM anyway, so it may skip the disk. */
    static final Map<String, String> THROW_AWAY = Map.of(
            "fsync", "off", "synchronous_commit", "off", "full_page_writes", "off");

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

    /** The pool takes spring.datasource.hikari.* like an external database's (pool size, connection timeout). */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("tandem-embedded");
        return dataSource;
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
