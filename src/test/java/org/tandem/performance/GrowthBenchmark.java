package org.tandem.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.performance.DataPathCapture.millis;
import static org.tandem.performance.DataPathCapture.percentile;
import static org.tandem.performance.DataPathCapture.timings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * How each main screen's data path grows with the network: its p95 on a small network (by default 0.01 of the issue's
 * size: 10,000 check-ins, 100,000 workbook answers), then on a network grown beside it in the same database (by
 * default 1.0: 1,000,000 check-ins, 5,000,000 answers); the same caseload of 1,100 couples is read at both sizes.
 * Budget: p95 grows at most 1.5 ×. Scales: {@code benchmark.small-scale}, {@code benchmark.large-scale}. Not part of
 * {@code ./mvnw verify}: run {@code ./mvnw -Pbenchmark test -Dtest=GrowthBenchmark}.
 */
@SpringBootTest(properties = "tandem.benchmark.context=growth")
@ActiveProfiles("test")
@Import({SqlCapture.Capturing.class, DataPathCapture.class})
class GrowthBenchmark {

    static final double SMALL = Double.parseDouble(System.getProperty("benchmark.small-scale", "0.01"));
    static final double LARGE = Double.parseDouble(System.getProperty("benchmark.large-scale", "1.0"));
    static final int WARMUP = Integer.getInteger("benchmark.warmup", 20);
    static final int RUNS = Integer.getInteger("benchmark.runs", 60);
    static final double BUDGET = 1.5;

    @Autowired DataPathCapture paths;
    @Autowired SignIn signIn;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void each_data_path_grows_at_most_one_and_a_half_times_from_the_small_to_the_large_network() {
        Volume small = Volume.atScale(SMALL);
        World world = paths.build(small);
        Map<String, Double> before = p95s(world, "small", small);
        // The rest of the large network, beside the first: the measured caseload and couple stay the same.
        Volume rest = Volume.atScale(LARGE - SMALL);
        paths.build(new Volume(0, rest.couples() > 0 ? (int) rest.couples() : 0, rest.checkInsPerPartner(),
                rest.sessionsPerCouple(), rest.assignmentsPerCouple(), rest.auditRows()));
        Map<String, Double> after = p95s(world, "large", Volume.atScale(LARGE));
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

    private Map<String, Double> p95s(World world, String size, Volume volume) {
        System.out.printf(Locale.ROOT, "BENCH growth network=%s check_ins=%d answers=%d (%s)%n", size,
                volume.checkIns(), volume.answers(), paths.counts());
        Map<String, Double> p95 = new LinkedHashMap<>();
        for (DataPath path : paths.paths(world)) {
            signIn.as(path.email());
            timings(WARMUP, () -> path.call().get());
            p95.put(path.name(), percentile(timings(RUNS, () -> path.call().get()), 0.95));
        }
        return p95;
    }
}
