package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.Application;
import org.tandem.database.TenantScope;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.TestClock;

/**
 * Two instances of Tandem on one database (decision 037): this test's application context and a second one started
 * beside it on the same embedded PostgreSQL. Both fire the time-sensitive balance sweep at the same moment; it runs
 * on one of them only, and the other skips it.
 */
@SpringBootTest
@ActiveProfiles("test")
class ScheduledOnceAcrossInstancesTest {

    @Autowired BalanceSummaries here;
    @Autowired EmbeddedPostgres postgres;
    @Autowired Fixtures fixtures;
    @Autowired DSLContext dsl;

    @Test
    void the_sweep_fired_on_two_instances_at_once_runs_once() throws Exception {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Two Instances Counselling");
            Person therapist = fixtures.therapist(clinic, "Dr. Ada Twin");
            for (int i = 1; i <= 3; i++) {
                // a session later today: its couple is a candidate of the time-sensitive sweep
                fixtures.session(therapist, fixtures.couple(therapist, "One " + i, "Two " + i),
                        LocalDateTime.ofInstant(TestClock.START, TestClock.ZONE).plusHours(2 + i));
            }
        });
        int candidates = here.sweepTimeSensitive();
        assertThat(candidates).isPositive();

        try (ConfigurableApplicationContext there = secondInstance()) {
            BalanceSummaries other = there.getBean(BalanceSummaries.class);
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Optional<Integer>> one = CompletableFuture.supplyAsync(
                    fire(together, here::sweepTimeSensitiveOnce));
            CompletableFuture<Optional<Integer>> two = CompletableFuture.supplyAsync(
                    fire(together, other::sweepTimeSensitiveOnce));
            List<Optional<Integer>> runs = List.of(one.get(), two.get());

            System.out.println("BENCH scheduled sweep fired on two instances: " + runs);
            assertThat(runs).filteredOn(Optional::isPresent).as("ran on exactly one instance").hasSize(1);
            assertThat(runs).filteredOn(Optional::isPresent).first().isEqualTo(Optional.of(candidates));
            assertThat(TenantScope.installation(() -> dsl.fetchCount(dsl.selectFrom("scheduled_run")
                    .where("name = 'balance-sweep'")))).as("one recorded run").isOne();

            assertThat(other.sweepTimeSensitiveOnce()).as("fired again at the same instant: still once").isEmpty();
        }
    }

    private static <T> Supplier<T> fire(CyclicBarrier together, Supplier<T> sweep) {
        return () -> {
            try {
                together.await();
            } catch (Exception interrupted) {
                throw new IllegalStateException(interrupted);
            }
            return sweep.get();
        };
    }

    /** A second Tandem on this context's database, with the same test clock, as a second machine would be. */
    private ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", new TestClock()))
                .properties(
                        "spring.datasource.url=" + postgres.getJdbcUrl("tandem_app", "postgres"),
                        "spring.datasource.username=tandem_app",
                        "spring.datasource.password=tandem_app",
                        "spring.flyway.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "spring.flyway.user=postgres",
                        "spring.flyway.password=postgres",
                        "server.port=0")
                .run();
    }
}
