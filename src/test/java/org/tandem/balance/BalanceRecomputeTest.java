package org.tandem.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.BALANCE_RECOMPUTE;
import static org.tandem.jooq.Tables.BALANCE_SUMMARY;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.database.OnceAcrossInstances;
import org.tandem.database.TenantScope;
import org.tandem.support.BalanceFixtures;
import org.tandem.support.BalanceFixtures.Practice;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.SignIn;

/**
 * Saving the balance settings recomputes every couple's summary in the background (decision 037): the save commits
 * at once, the worker goes through the couples in batches (two at a time in tests, tandem.balance.recompute-batch),
 * a newer save supersedes a running recompute, a recompute cut short resumes, and only the clinic's own admin sees it.
 * Not rolled back: the worker sees only what has committed. The test holds the worker's lock while it looks at what
 * the save alone did.
 */
@SpringBootTest
@ActiveProfiles("test")
class BalanceRecomputeTest {

    @Autowired CheckInService checkIns;
    @Autowired BalanceRecomputes worker;
    @Autowired BalanceSummaries summaries;
    @Autowired OnceAcrossInstances once;
    @Autowired Fixtures fixtures;
    @Autowired BalanceFixtures balanceFixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired ConfigurableApplicationContext context;
    @Autowired PlatformTransactionManager transactions;

    Practice practice;
    long clinicId;
    List<Long> couples;
    final List<BalanceRecompute> progress = new CopyOnWriteArrayList<>();
    final List<Runnable> onFirstBatch = new CopyOnWriteArrayList<>();
    ApplicationListener<PayloadApplicationEvent<BalanceRecomputeProgressed>> listener;

    /** Five couples whose partners both score 50 / 50: DISCONNECTED at T = 60, BALANCED at T = 50 or below. */
    @BeforeEach
    void a_clinic_of_five_couples() {
        fixtures.committed(() -> {
            practice = balanceFixtures.practice();
            List<Couple> all = new ArrayList<>(List.of(practice.couple()));
            for (int i = 1; i <= 4; i++) {
                all.add(fixtures.couple(practice.therapist(), "One " + i, "Two " + i));
            }
            for (Couple couple : all) {
                balanceFixtures.heldSession(practice.therapist(), couple, Duration.ofDays(2),
                        BalanceFixtures.MIDDLE, BalanceFixtures.MIDDLE);
            }
            couples = all.stream().map(Couple::id).sorted().toList();
        });
        clinicId = practice.clinic().id();
        listener = event -> {
            if (event.getPayload().clinicId() == clinicId) {
                progress.add(event.getPayload().recompute());
                if (progress.size() == 1) {
                    onFirstBatch.forEach(Runnable::run);
                }
            }
        };
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stop_listening() {
        context.removeApplicationListener(listener);
        signIn.out();
    }

    @Test
    void the_save_commits_at_once_and_the_summaries_follow_in_batches() {
        assertThat(zones().values()).containsOnly("DISCONNECTED");

        once.exclusively(BalanceRecomputes.JOB, () -> {
            balanceFixtures.settings(practice.admin(), 50, 25);

            assertThat(zones().values()).as("unchanged right after the save").containsOnly("DISCONNECTED");
            BalanceRecompute job = latest(practice.admin());
            assertThat(job.running()).isTrue();
            assertThat(job.startedAt()).isNull();
            assertThat(job.done()).isZero();
            assertThat(job.total()).isEqualTo(5);
        });
        worker.runPending();
        awaitFinished();

        assertThat(progress).extracting(BalanceRecompute::done).containsExactly(2, 4, 5, 5);
        assertThat(progress).extracting(BalanceRecompute::running).containsExactly(true, true, true, false);
        BalanceRecompute done = latest(practice.admin());
        assertThat(done.done()).isEqualTo(5);
        assertThat(done.total()).isEqualTo(5);
        assertThat(done.startedAt()).isNotNull();
        assertThat(zones().values()).containsOnly("BALANCED");
        assertThat(zones()).as("the same as computed afresh with the new settings").isEqualTo(afresh());
    }

    @Test
    void a_save_while_a_recompute_runs_supersedes_it_and_the_newest_settings_win() {
        AtomicBoolean savedAgain = new AtomicBoolean();
        onFirstBatch.add(() -> {
            // a second admin window saves while the worker is between its first and second batch
            Thread second = Thread.ofVirtual().start(() -> balanceFixtures.settings(practice.admin(), 65, 25));
            try {
                second.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            savedAgain.set(true);
        });
        once.exclusively(BalanceRecomputes.JOB, () -> balanceFixtures.settings(practice.admin(), 50, 25));

        worker.runPending();
        awaitFinished();

        assertThat(savedAgain).isTrue();
        var jobs = dsl.selectFrom(BALANCE_RECOMPUTE).where(BALANCE_RECOMPUTE.CLINIC_ID.eq(clinicId))
                .orderBy(BALANCE_RECOMPUTE.ID).fetch();
        assertThat(jobs).hasSize(2);
        assertThat(jobs.get(0).getSuperseded()).isTrue();
        assertThat(jobs.get(0).getDone()).as("stopped after its first batch").isEqualTo(2);
        assertThat(jobs.get(1).getSuperseded()).isFalse();
        assertThat(jobs.get(1).getDone()).isEqualTo(5);
        assertThat(jobs.get(1).getFinishedAt()).isNotNull();
        assertThat(zones().values()).as("T = 65: the newest settings").containsOnly("DISCONNECTED");
        assertThat(zones()).isEqualTo(afresh());
    }

    @Test
    void a_recompute_cut_short_by_a_restart_resumes_after_the_last_couple_done() {
        once.exclusively(BalanceRecomputes.JOB, () -> {
            balanceFixtures.settings(practice.admin(), 50, 25);
            // as a worker stopped after its first batch left it
            TenantScope.clinic(clinicId, () -> dsl.update(BALANCE_RECOMPUTE)
                    .set(BALANCE_RECOMPUTE.STARTED_AT, org.tandem.support.TestClock.START_AT)
                    .set(BALANCE_RECOMPUTE.DONE, 2).set(BALANCE_RECOMPUTE.AFTER_COUPLE_ID, couples.get(1))
                    .where(BALANCE_RECOMPUTE.CLINIC_ID.eq(clinicId)).execute());
        });

        worker.runPending();
        awaitFinished();

        assertThat(progress).extracting(BalanceRecompute::done).containsExactly(4, 5, 5);
        Map<Long, String> zones = zones();
        assertThat(couples.subList(2, 5)).allSatisfy(couple -> assertThat(zones.get(couple)).isEqualTo("BALANCED"));
        assertThat(couples.subList(0, 2)).as("done before the restart (here: not really, to tell them apart)")
                .allSatisfy(couple -> assertThat(zones.get(couple)).isEqualTo("DISCONNECTED"));
    }

    @Test
    void another_clinics_admin_neither_sees_nor_affects_the_recompute() {
        long hillside = practice.otherClinicsTherapist().clinicId();
        Person[] made = new Person[1];
        fixtures.committed(() -> made[0] = fixtures.admin(new Fixtures.Clinic(hillside, "Hillside Counselling"),
                "Ola Berg"));
        Person otherAdmin = made[0];
        once.exclusively(BalanceRecomputes.JOB, () -> {
            balanceFixtures.settings(practice.admin(), 50, 25);

            assertThat(signIn.during(otherAdmin.email(), checkIns::recomputeProgress)).isEmpty();
            balanceFixtures.settings(otherAdmin, 70, 25);
            assertThat(latest(practice.admin()).running()).as("not superseded by another clinic's save").isTrue();
            assertThat(latest(otherAdmin).total()).isEqualTo(1);
            assertThat(TenantScope.clinic(hillside, () -> dsl.fetchCount(BALANCE_RECOMPUTE,
                    BALANCE_RECOMPUTE.CLINIC_ID.eq(clinicId)))).as("the database's wall").isZero();
            for (Person denied : List.of(practice.therapist(), practice.otherClinicsTherapist())) {
                assertThatThrownBy(() -> signIn.during(denied.email(), checkIns::recomputeProgress))
                        .as(denied.name()).isInstanceOf(AccessDeniedException.class);
            }
        });

        worker.runPending();
        awaitFinished(clinicId, hillside);
        assertThat(latest(practice.admin()).done()).isEqualTo(5);
        assertThat(latest(otherAdmin).running()).isFalse();
    }

    private BalanceRecompute latest(Person admin) {
        return signIn.during(admin.email(), checkIns::recomputeProgress).orElseThrow();
    }

    /** Partner one's zone by couple, as the caseload shows it. */
    private Map<Long, String> zones() {
        return dsl.select(BALANCE_SUMMARY.COUPLE_ID, BALANCE_SUMMARY.PARTNER_ONE_ZONE).from(BALANCE_SUMMARY)
                .where(BALANCE_SUMMARY.CLINIC_ID.eq(clinicId)).fetch().stream()
                .collect(Collectors.toMap(row -> row.value1(), row -> Objects.toString(row.value2())));
    }

    /** The zones computed afresh with the stored settings, in a transaction that is rolled back. */
    private Map<Long, String> afresh() {
        return Objects.requireNonNull(new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            TenantScope.clinic(clinicId, () -> summaries.refreshClinic(clinicId));
            return zones();
        }));
    }

    /** The worker runs on another thread too (after the save's commit): waits for the clinic's job to finish. */
    private void awaitFinished() {
        awaitFinished(clinicId);
    }

    private void awaitFinished(Long... clinics) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (dsl.fetchExists(BALANCE_RECOMPUTE, BALANCE_RECOMPUTE.CLINIC_ID.in(clinics),
                BALANCE_RECOMPUTE.FINISHED_AT.isNull())) {
            assertThat(System.nanoTime()).as("the recompute finished within a minute").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }
}
