package org.tandem.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.performance.DataPathCapture.inClinic;
import static org.tandem.performance.DataPathCapture.millis;
import static org.tandem.performance.DataPathCapture.percentile;
import static org.tandem.performance.DataPathCapture.timings;
import static org.tandem.performance.DataPathCapture.warmUp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import jdk.jfr.Recording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.performance.DataPathCapture.DataPath;
import org.tandem.performance.DataPathCapture.Volume;
import org.tandem.performance.DataPathCapture.World;
import org.tandem.support.SignIn;
import org.tandem.support.StrictTenancy;

/**
 * What the application adds on top of the database, per main screen's data path: the time of the service calls the
 * screen makes, beside the time of the very same SQL (captured from those calls with its bound values) replayed
 * through plain JDBC in the same transactions as the calls (each first sets the clinic as the application does),
 * reading every column of every row; both in the same run, alternating. The Java time of each (the thread's CPU time,
 * without the waits for the database) is printed beside them. The service runs as in production, under the signed-in
 * person's clinic only ({@link StrictTenancy}), as the replay does. Budget: service p50 ≤ 1.3 × JDBC p50. The network is built at
 * {@code benchmark.scale} (1.0 by default: the full size) and committed in this class's own database. Not
 * part of {@code ./mvnw verify}: run {@code ./mvnw -Pbenchmark test -Dtest=DataPathBenchmark}.
 */
@StrictTenancy
@SpringBootTest(properties = "tandem.benchmark.context=data-path")
@ActiveProfiles("test")
@Import({SqlCapture.Capturing.class, DataPathCapture.class})
class DataPathBenchmark {

    static final double SCALE = Double.parseDouble(System.getProperty("benchmark.scale", "1.0"));
    static final int WARMUP = Integer.getInteger("benchmark.warmup", 30);
    /**
     * Calls of each side per path: a short path's 100 calls take under a second, in which this shared machine's
     * other work moved its ratio by ± 0.1 from one run to the next; 1,000 take its p50 over several seconds.
     */
    static final int RUNS = Integer.getInteger("benchmark.runs", 1000);
    static final double BUDGET = 1.3;
    /** The CPU time of this thread: the Java side of a call, without the waits for the database. */
    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    @Autowired DataPathCapture paths;
    @Autowired SqlCapture capture;
    @Autowired SignIn signIn;
    @Autowired DataSource dataSource;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void each_data_path_costs_at_most_thirty_percent_more_than_its_sql_through_jdbc() {
        Volume volume = Volume.atScale(SCALE);
        World world = paths.build(volume);
        System.out.printf(Locale.ROOT, "BENCH data-path network scale=%s couples=%d check_ins=%d answers=%d "
                        + "audit_rows=%d built_in=%.1fs (%s)%n", SCALE, volume.couples(), volume.checkIns(),
                volume.answers(), volume.auditRows(), world.took().toMillis() / 1e3, paths.counts());
        List<String> over = new ArrayList<>();
        Set<String> only = Set.of(System.getProperty("benchmark.paths", "").split(","));
        for (DataPath path : paths.paths(world)) {
            if (!only.equals(Set.of("")) && !only.contains(path.name())) {
                continue;
            }
            signIn.as(path.email());
            warmUp(WARMUP, () -> path.call().get());
            capture.start();
            path.call().get();
            List<SqlCapture.Statement> statements = capture.stop();
            warmUp(WARMUP, () -> replay(path.clinicId(), statements));
            double[] service = new double[RUNS];
            double[] jdbc = new double[RUNS];
            double[] serviceCpu = new double[RUNS];
            double[] jdbcCpu = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                long cpu = THREADS.getCurrentThreadCpuTime();
                service[run] = timings(1, () -> path.call().get())[0];
                serviceCpu[run] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
                cpu = THREADS.getCurrentThreadCpuTime();
                jdbc[run] = timings(1, () -> replay(path.clinicId(), statements))[0];
                jdbcCpu[run] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
            }
            java.util.Arrays.sort(service);
            java.util.Arrays.sort(jdbc);
            java.util.Arrays.sort(serviceCpu);
            java.util.Arrays.sort(jdbcCpu);
            double ratio = percentile(service, 0.5) / percentile(jdbc, 0.5);
            System.out.printf(Locale.ROOT,
                    "BENCH path=%s statements=%d transactions=%d service_p50=%s service_p95=%s jdbc_p50=%s jdbc_p95=%s ratio=%.2f%n",
                    path.name(), statements.size(), statements.getLast().transaction(), millis(percentile(service, 0.5)),
                    millis(percentile(service, 0.95)), millis(percentile(jdbc, 0.5)), millis(percentile(jdbc, 0.95)),
                    ratio);
            System.out.printf(Locale.ROOT, "BENCH path=%s java_cpu_p50 service=%s jdbc=%s%n", path.name(),
                    millis(percentile(serviceCpu, 0.5)), millis(percentile(jdbcCpu, 0.5)));
            printSlowest(path, statements);
            profile(path);
            if (ratio > BUDGET) {
                over.add(path.name() + " " + String.format(Locale.ROOT, "%.2f", ratio));
            }
        }
        assertThat(over).as("data paths whose service costs more than %s × their SQL through JDBC", BUDGET)
                .isEmpty();
    }

    /**
     * With {@code -Dbenchmark.jfr=DIR}, records the path's service calls for a few seconds with Java Flight Recorder
     * into {@code DIR/<path>.jfr} (read it with {@code jfr print --events jdk.ExecutionSample}).
     */
    private static void profile(DataPath path) {
        String directory = System.getProperty("benchmark.jfr");
        if (directory == null) {
            return;
        }
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.enable("jdk.CPUTimeSample").with("throttle", "1ms");
            recording.start();
            long until = System.nanoTime() + DataPathCapture.WARMUP_NANOS;
            while (System.nanoTime() < until) {
                path.call().get();
            }
            recording.stop();
            recording.dump(Path.of(directory, path.name() + ".jfr"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path's three slowest statements through JDBC (median of ten), to show where its time goes. */
    private void printSlowest(DataPath path, List<SqlCapture.Statement> statements) {
        record Cost(double millis, String sql) {}
        List<Cost> costs = new ArrayList<>();
        try (Connection connection = inClinic(dataSource, path.clinicId())) {
            for (SqlCapture.Statement statement : statements) {
                double[] millis = timings(10, () -> {
                    try {
                        statement.replay(connection);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                String flat = statement.sql().replaceAll("\\s+", " ");
                costs.add(new Cost(percentile(millis, 0.5), flat.substring(0, Math.min(160, flat.length()))));
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not time the statements", e);
        }
        costs.stream().sorted((a, b) -> Double.compare(b.millis(), a.millis())).limit(3)
                .forEach(cost -> System.out.printf(Locale.ROOT, "BENCH path=%s statement_p50=%s sql=%s%n",
                        path.name(), millis(cost.millis()), cost.sql()));
    }

    /**
     * The statements through plain JDBC in the transactions that the application ran them in, each of them begun by
     * setting the clinic as the application does and committed: a screen that makes three service calls makes three
     * transactions, and the database's work for each is in the replay as in the service.
     */
    private void replay(long clinicId, List<SqlCapture.Statement> statements) {
        int from = 0;
        while (from < statements.size()) {
            int transaction = statements.get(from).transaction();
            try (Connection connection = inClinic(dataSource, clinicId)) {
                for (; from < statements.size() && statements.get(from).transaction() == transaction; from++) {
                    statements.get(from).replay(connection);
                }
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not replay the captured statements", e);
            }
        }
    }
}
