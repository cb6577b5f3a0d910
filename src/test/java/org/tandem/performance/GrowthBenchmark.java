package org.tandem.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.performance.DataPathCapture.millis;
import static org.tandem.performance.DataPathCapture.percentile;
import static org.tandem.performance.DataPathCapture.printPlans;
import static org.tandem.performance.DataPathCapture.timings;
import static org.tandem.performance.DataPathCapture.warmUp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
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
 * How each main screen's data path grows with the network: its p95 on a small network, then on a network grown beside
 * it in the same database, the same clinic, caseload and couple read at both sizes. Small: the measured clinic, 1,100
 * couples with five weekly check-ins per partner and five assignments each (11,000 check-ins, 110,000 workbook
 * answers, 50 sessions a couple, 20,000 audit rows). Large: at {@code benchmark.large-scale} 1.0, 8,900 more couples in
 * two more clinics with 55 check-ins per partner and 28 assignments each (990,000 check-ins, 5,094,000 answers,
 * 500,000 sessions, 2,000,000 audit rows in all). Budget: p95 grows at most 1.5 ×. Not part of
 * {@code ./mvnw verify}: run {@code ./mvnw -Pbenchmark test -Dtest=GrowthBenchmark}.
 */
@StrictTenancy
@SpringBootTest(properties = "tandem.benchmark.context=growth")
@ActiveProfiles("test")
@Import({SqlCapture.Capturing.class, DataPathCapture.class})
class GrowthBenchmark {

    static final double LARGE = Double.parseDouble(System.getProperty("benchmark.large-scale", "1.0"));
    static final Volume SMALL = new Volume(DataPathCapture.CASELOAD, 0, 5, 50, 5, 20_000);
    static final Volume REST = new Volume(0, (int) Math.round(8_900 * LARGE), 55, 50, 28,
            (int) Math.round(1_980_000 * LARGE));
    static final int WARMUP = Integer.getInteger("benchmark.warmup", 20);
    static final int RUNS = Integer.getInteger("benchmark.runs", 60);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    static final double BUDGET = 1.5;
    /** {@code -Dbenchmark.plans=audit-first,…}: the paths whose plans are printed at both sizes. */
    static final Set<String> PLANS = Set.of(System.getProperty("benchmark.plans", "").split(","));

    @Autowired DataPathCapture paths;
    @Autowired SignIn signIn;
    @Autowired SqlCapture capture;
    @Autowired DataSource dataSource;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void each_data_path_grows_at_most_one_and_a_half_times_from_the_small_to_the_large_network() {
        World world = paths.build(SMALL);
        Map<String, Double> before = p95s(world, "small", SMALL.checkIns(), SMALL.answers());
        // The rest of the large network, beside the first: the measured caseload and couple stay the same.
        World rest = paths.build(REST);
        System.out.printf(Locale.ROOT, "BENCH growth grown in %.0f s%n", rest.took().toMillis() / 1e3);
        Map<String, Double> after = p95s(world, "large", SMALL.checkIns() + REST.checkIns(),
                SMALL.answers() + REST.answers());
        hold();
        List<String> over = new ArrayList<>();
        before.forEach((path, small95) -> {
            double growth = after.get(path) / small95;
            System.out.printf(Locale.ROOT, "BENCH growth path=%s p95_small=%s p95_large=%s growth=%.2f%n", path,
                    millis(small95), millis(after.get(path)), growth);
            if (growth > BUDGET) {
                over.add(path + " " + String.format(Locale.ROOT, "%.2f", growth));
            }
        });
        assertThat(over).as("data paths whose p95 grows more than %s ×", BUDGET).isEmpty();
    }

    /**
     * {@code -Dbenchmark.hold=MINUTES}: keeps the large network's database up that long after the measurements, its
     * address printed, for trying statements on it by hand ({@code psql}) without building it again.
     */
    private void hold() {
        int minutes = Integer.getInteger("benchmark.hold", 0);
        if (minutes <= 0) {
            return;
        }
        try {
            try (java.sql.Connection connection = dataSource.getConnection()) {
                System.out.printf(Locale.ROOT, "BENCH hold %d min url=%s user=%s%n", minutes,
                        connection.getMetaData().getURL(), connection.getMetaData().getUserName());
            }
            Thread.sleep(java.time.Duration.ofMinutes(minutes));
        } catch (java.sql.SQLException | InterruptedException e) {
            throw new IllegalStateException("Could not hold the network", e);
        }
    }

    /**
     * Each path's p95 as the median of {@link #ROUNDS} rounds of {@link #RUNS} calls, the paths taking turns: one
     * round's p95 of a path under 10 ms moves 2–3 × with a collection or a compilation landing in it.
     */
    private Map<String, Double> p95s(World world, String size, long checkIns, long answers) {
        System.out.printf(Locale.ROOT, "BENCH growth network=%s check_ins=%d answers=%d (%s)%n", size,
                checkIns, answers, paths.counts());
        List<DataPath> all = paths.paths(world);
        for (DataPath path : all) {
            signIn.as(path.email());
            warmUp(WARMUP, () -> path.call().get());
            if (PLANS.contains(path.name())) {
                capture.start();
                path.call().get();
                printPlans(dataSource, "path=" + path.name() + " network=" + size, path.clinicId(), capture.stop());
            }
        }
        Map<String, double[]> rounds = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (DataPath path : all) {
                signIn.as(path.email());
                rounds.computeIfAbsent(path.name(), name -> new double[ROUNDS])[round] =
                        percentile(timings(RUNS, () -> path.call().get()), 0.95);
            }
        }
        Map<String, Double> p95 = new LinkedHashMap<>();
        rounds.forEach((path, each) -> {
            double[] sorted = each.clone();
            java.util.Arrays.sort(sorted);
            p95.put(path, percentile(sorted, 0.5));
            System.out.printf(Locale.ROOT, "BENCH growth path=%s network=%s p95_rounds=%s%n", path, size,
                    java.util.Arrays.stream(each).mapToObj(DataPathCapture::millis).toList());
        });
        return p95;
    }
}
