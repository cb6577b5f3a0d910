package org.tandem.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.tandem.support.IntegrationTest;

/**
 * The whole network (scale 1.0, or -Dgenerator.scale=…) into a fresh embedded database of its own: how long it
 * takes, step by step, how many rows each table holds and how large the database is. Benchmark profile only:
 * {@code ./mvnw -B -o -Pbenchmark test -Dtest=NetworkGeneratorBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@IntegrationTest
@TestPropertySource(properties = "tandem.test.database=generator-benchmark")
class NetworkGeneratorBenchmark {

    private static final List<String> TABLES = List.of("clinic", "account", "couple", "partner", "couple_session",
            "session_note", "check_in", "check_in_answer", "module_assignment", "assignment_work", "answer",
            "feedback", "audit_event", "balance_summary", "notification");

    @Autowired NetworkGenerator generator;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    @Test
    void generates_the_network() {
        double scale = Double.parseDouble(System.getProperty("generator.scale", "1.0"));

        GeneratedNetwork network = generator.generate(scale);

        JdbcTemplate sql = new JdbcTemplate(owner);
        Map<String, Long> rows = TABLES.stream().collect(Collectors.toMap(table -> table,
                table -> sql.queryForObject("select count(*) from " + table, Long.class),
                (a, b) -> a, java.util.LinkedHashMap::new));
        long bytes = sql.queryForObject("select pg_database_size(current_database())", Long.class);
        System.out.printf("BENCH generator scale=%s clinics=%d therapists=%d couples=%d checkIns=%d answers=%d "
                        + "auditRows=%d took=%.1fs databaseSize=%dMB%n", scale, network.clinicIds().size(),
                network.therapistAccountIds().size(), network.couples(), network.checkIns(), network.answers(),
                network.auditRows(), network.took().toMillis() / 1000.0, bytes / (1024 * 1024));
        System.out.println("BENCH generator steps(ms) " + generator.lastTimings().entrySet().stream()
                .map(step -> step.getKey().replace(' ', '-') + "=" + step.getValue())
                .collect(Collectors.joining(" ")));
        System.out.println("BENCH generator rows " + rows.entrySet().stream()
                .map(table -> table.getKey() + "=" + table.getValue()).collect(Collectors.joining(" ")));

        assertThat(rows.get("couple")).isEqualTo(network.couples());
        assertThat(rows.get("check_in")).isEqualTo(network.checkIns());
        assertThat(rows.get("answer")).isEqualTo(network.answers());
    }
}
