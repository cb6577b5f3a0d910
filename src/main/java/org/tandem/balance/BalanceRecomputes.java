package org.tandem.balance;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.balance.BalanceRecomputeRepository.Pending;
import org.tandem.database.OnceAcrossInstances;
import org.tandem.database.TenantScope;

/**
 * The worker that recomputes every couple's balance summary after the clinic's settings changed
 * (docs/decisions/037-background-work.md). The save records a job and commits; once it has committed, this worker
 * goes through the clinic's couples in order of id, {@code tandem.balance.recompute-batch} at a time, each batch in a
 * transaction of its own that also records the progress. A job finished meanwhile (a newer save superseded it) stops
 * at its next batch; the newer job starts from the first couple with the newest settings. The worker runs on one
 * instance at a time ({@link OnceAcrossInstances}); the poll every {@code tandem.balance.recompute-cron} and the start
 * of the application pick up jobs that a restart cut short, or that another instance's save recorded.
 */
@Service
class BalanceRecomputes {

    static final String JOB = "balance-recompute";

    private static final Logger log = LoggerFactory.getLogger(BalanceRecomputes.class);

    private final BalanceRecomputeRepository jobs;
    private final BalanceSummaries summaries;
    private final OnceAcrossInstances once;
    private final TransactionTemplate transaction;
    private final TaskExecutor executor;
    private final Clock clock;
    private final int batchSize;
    private final ApplicationEventPublisher events;

    BalanceRecomputes(BalanceRecomputeRepository jobs, BalanceSummaries summaries, OnceAcrossInstances once,
            PlatformTransactionManager transactions, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            Clock clock, @Value("${tandem.balance.recompute-batch:200}") int batchSize,
            ApplicationEventPublisher events) {
        this.jobs = jobs;
        this.summaries = summaries;
        this.once = once;
        this.transaction = new TransactionTemplate(transactions);
        this.executor = executor;
        this.clock = clock;
        this.batchSize = batchSize;
        this.events = events;
    }

    /** The save has committed its job: the worker starts on it in the background. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(BalanceSettingsChanged changed) {
        executor.execute(this::runPending);
    }

    /** Jobs that a stop of the application cut short resume. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        executor.execute(this::runPending);
    }

    @Scheduled(cron = "${tandem.balance.recompute-cron:*/30 * * * * *}")
    void poll() {
        runPending();
    }

    /**
     * Works through every clinic's unfinished jobs, oldest first, unless another instance or thread does now. A job
     * whose batch failed is left for the next poll. After the lock is freed it looks again, so that a job recorded
     * while the lock was held (its trigger found the lock taken) is not left waiting for the poll.
     */
    void runPending() {
        Set<Long> failed = new HashSet<>();
        boolean ran;
        do {
            ran = once.exclusively(JOB, () -> {
                for (Pending job : pending(failed)) {
                    if (!work(job)) {
                        failed.add(job.id());
                    }
                }
            });
        } while (ran && !pending(failed).isEmpty());
    }

    private List<Pending> pending(Set<Long> except) {
        // A job with no one signed in, over every clinic's jobs (decision 029); each job then runs in its clinic.
        return TenantScope.installation(jobs::pending).stream().filter(job -> !except.contains(job.id())).toList();
    }

    /** One job to its end or until superseded; false when a batch failed (noted on the job). */
    private boolean work(Pending job) {
        long clinicId = job.clinicId();
        return TenantScope.clinic(clinicId, () -> {
            try {
                if (!Boolean.TRUE.equals(transaction.execute(status -> jobs.start(job.id(), clinicId,
                        clock.instant())))) {
                    return true;
                }
                @Nullable Long after = job.afterCoupleId();
                while (after != null) {
                    long from = after;
                    Step step = Objects.requireNonNull(transaction.execute(status -> batch(job.id(), clinicId, from)));
                    if (step.moved()) {
                        // after the commit: a listener (a page, a test) sees what others can read
                        jobs.find(clinicId, job.id()).ifPresent(
                                now -> events.publishEvent(new BalanceRecomputeProgressed(clinicId, now)));
                    }
                    after = step.next();
                }
                return true;
            } catch (RuntimeException failure) {
                log.warn("The balance recompute {} of clinic {} failed; it is tried again later", job.id(),
                        clinicId, failure);
                transaction.executeWithoutResult(status -> jobs.failed(job.id(), String.valueOf(failure)));
                return false;
            }
        });
    }

    /** What a batch did: the couple to go on after (none: finished or superseded), whether the job moved. */
    private record Step(@Nullable Long next, boolean moved) {}

    /** The couples after {@code afterCoupleId}, or the job's end when none is left. */
    private Step batch(long jobId, long clinicId, long afterCoupleId) {
        List<Long> couples = jobs.couplesAfter(clinicId, afterCoupleId, batchSize);
        if (couples.isEmpty()) {
            jobs.finish(jobId, clock.instant());
            return new Step(null, true);
        }
        summaries.refresh(clinicId, couples);
        long last = couples.getLast();
        return jobs.progressed(jobId, couples.size(), last) ? new Step(last, true) : new Step(null, false);
    }
}
