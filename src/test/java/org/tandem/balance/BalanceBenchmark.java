package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.inline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.tandem.accounts.TandemUser;
import org.tandem.balance.report.BalanceExportService;
import org.tandem.caseload.GeneratedCouples;
import org.tandem.support.TestClock;
import org.tandem.support.DemoTest;
import org.tandem.support.SignIn;
import org.tandem.support.StatementCounter;
import org.tandem.support.TestData;

/**
 * The balance feature's figures, printed: statements and time of a couple's Overview figures, its alerts, its
 * suggestions, the CSV and the PDF (first and warm), memory around the PDF, and the recomputation of a whole clinic's
 * balance summary (what saving the balance settings costs) with {@code benchmark.couples} extra couples of six
 * check-ins per partner. Not part of {@code ./mvnw verify}: run {@code ./mvnw -Pbenchmark test}.
 */
@DemoTest
@Import(StatementCounter.Counting.class)
class BalanceBenchmark {

    private static final int COUPLES = Integer.getInteger("benchmark.couples", 1000);
    private static final int RUNS = 20;

    @Autowired BalanceService balance;
    @Autowired AlertService alerts;
    @Autowired SuggestionService suggestions;
    @Autowired BalanceExportService export;
    @Autowired BalanceSummaries summaries;
    @Autowired StatementCounter counter;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private record Measured(int statements, double medianMillis, double firstMillis) {}

    private Measured measure(int runs, Supplier<?> call) {
        List<Double> millis = new ArrayList<>();
        int statements = 0;
        for (int run = 0; run < runs; run++) {
            counter.start();
            long started = System.nanoTime();
            call.get();
            millis.add((System.nanoTime() - started) / 1e6);
            statements = counter.stop().size();
        }
        double first = millis.getFirst();
        List<Double> sorted = millis.stream().sorted().toList();
        return new Measured(statements, sorted.get(sorted.size() / 2), first);
    }

    private static void print(String what, Measured measured) {
        System.out.printf(Locale.ROOT, "BENCHMARK %-44s %3d statements, median %8.1f ms, first %8.1f ms%n", what,
                measured.statements(), measured.medianMillis(), measured.firstMillis());
    }

    @Test
    void the_figures_of_one_couple_and_of_a_whole_clinic() {
        TandemUser jordan = signIn.as("therapist@example.com"); // the demo's Jordan Reyes
        long alexAndSam = TestData.coupleOf(dsl, "Alex Morgan");

        print("Overview figures (Alex & Sam)", measure(RUNS, () -> balance.overview(alexAndSam)));
        print("Alerts (Alex & Sam)", measure(RUNS, () -> alerts.alerts(alexAndSam)));
        print("Suggested modules (Alex & Sam)", measure(RUNS, () -> suggestions.suggestions(alexAndSam)));
        print("CSV (Alex & Sam)", measure(RUNS, () -> export.csv(alexAndSam)));
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        Measured pdf = measure(5, () -> export.report(alexAndSam, Locale.US, List.of("An alert.")));
        long after = runtime.totalMemory() - runtime.freeMemory();
        print("Progress report PDF (Alex & Sam)", pdf);
        System.out.printf(Locale.ROOT,
                "BENCHMARK heap in use around five PDFs: %d MB before, %d MB after (of %d MB max)%n",
                before >> 20, after >> 20, runtime.maxMemory() >> 20);

        generateCouples(jordan.clinicId(), jordan.accountId(), COUPLES);
        int couples = dsl.fetchCount(dsl.selectFrom(org.tandem.jooq.Tables.COUPLE)
                .where(org.tandem.jooq.Tables.COUPLE.CLINIC_ID.eq(jordan.clinicId())));
        Measured clinic = measure(1, () -> {
            summaries.refreshClinic(jordan.clinicId());
            return null;
        });
        System.out.printf(Locale.ROOT,
                "BENCHMARK Whole clinic's summary (%d couples): %d statements, %.0f ms, %.2f ms a couple%n",
                couples, clinic.statements(), clinic.firstMillis(), clinic.firstMillis() / couples);
        assertThat(dsl.fetchCount(org.tandem.jooq.Tables.BALANCE_SUMMARY,
                org.tandem.jooq.Tables.BALANCE_SUMMARY.CLINIC_ID.eq(jordan.clinicId()))).isEqualTo(couples);
    }

    /** {@code count} active couples of Jordan, each partner with six weekly check-ins, every statement answered. */
    private void generateCouples(long clinicId, long therapistId, int count) {
        dsl.execute("""
                create temporary table bench_couple on commit drop as
                with made as (
                    insert into couple (clinic_id, status, created_at, updated_at)
                    select {0}, 'ACTIVE', {2}, {2} from generate_series(1, {1}) n
                    returning id
                )
                select id from made
                """, inline(clinicId), inline(count), inline(TestClock.START_AT));
        GeneratedCouples.partnersAndTherapist(dsl, "bench_couple", clinicId, therapistId);
        GeneratedCouples.checkIns(dsl, "bench_couple", 0, 5);
        dsl.execute("drop table bench_couple");
    }
}
