package org.tandem.balance;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tandem.balance.BalanceSummaries.ClinicFigures;
import org.tandem.database.InstanceChannel;

/**
 * Each clinic's balance figures (its settings and the reliability parameters estimated from every partner's
 * baseline) kept between reads. Reading them reads every partner's first complete check-in of the clinic: 110 ms for
 * a clinic of 1,100 couples, on every couple's Overview and every summary refresh (issue 15). They change only when
 * a partner's first complete check-in is submitted, when the settings are saved, or when data is written around the
 * services ({@link BalanceDataWritten}); whoever makes such a change calls {@link #forget}.
 *
 * <p>Never stale for the one who changed them, nor after the change commits: {@link #forget} drops the clinic's
 * figures at once and again when the transaction ends; until then the changing transaction reads them afresh each
 * time (it sees its own uncommitted rows, which nobody else may be served), and the other instances drop theirs when
 * the change commits ({@link InstanceChannel}, topic {@value #FORGET}). A load that raced with a forget is not kept
 * (a generation counter). Decision 038.
 */
@Service
class ClinicFiguresCache {

    static final String FORGET = "clinic-figures";

    private final Map<Long, ClinicFigures> figures = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final InstanceChannel channel;
    private final ApplicationEventPublisher events;

    ClinicFiguresCache(InstanceChannel channel, ApplicationEventPublisher events) {
        this.channel = channel;
        this.events = events;
        // another instance changed a clinic's figures: ours are stale from that commit on
        channel.subscribe(FORGET, clinicId -> drop(Long.parseLong(clinicId)));
    }

    /** The clinic's figures: kept ones, or {@code load}ed (and kept unless changed meanwhile or in this transaction). */
    ClinicFigures get(long clinicId, LongFunction<ClinicFigures> load) {
        if (changedInThisTransaction(clinicId)) {
            return load.apply(clinicId);
        }
        ClinicFigures kept = figures.get(clinicId);
        if (kept != null) {
            return kept;
        }
        long before = generation.get();
        ClinicFigures loaded = load.apply(clinicId);
        // kept only if no forget began meanwhile: a forget counts first, then drops, under the same key's lock
        figures.compute(clinicId, (id, current) -> generation.get() == before ? loaded : current);
        return loaded;
    }

    /**
     * The clinic's figures have changed (or may have) in the current transaction: dropped here now and when the
     * transaction ends, read afresh by this transaction meanwhile, and dropped by the other instances at the commit.
     */
    void forget(long clinicId) {
        drop(clinicId);
        channel.publish(FORGET, Long.toString(clinicId));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Set<Long> changed = changedInThisTransaction();
        if (changed == null) {
            changed = new HashSet<>();
            TransactionSynchronizationManager.bindResource(this, changed);
        }
        changed.add(clinicId);
        events.publishEvent(new Forgotten(clinicId));
    }

    /** A clinic's figures forgotten in a transaction: dropped again when it ends ({@link #afterCompletion}). */
    record Forgotten(long clinicId) {}

    /** The transaction that forgot the clinic's figures has ended: no longer its own, and dropped again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
    void afterCompletion(Forgotten forgotten) {
        TransactionSynchronizationManager.unbindResourceIfPossible(this);
        drop(forgotten.clinicId());
    }

    private void drop(long clinicId) {
        generation.incrementAndGet();
        figures.remove(clinicId);
    }

    private boolean changedInThisTransaction(long clinicId) {
        Set<Long> changed = changedInThisTransaction();
        return changed != null && changed.contains(clinicId);
    }

    @SuppressWarnings("unchecked")
    private @Nullable Set<Long> changedInThisTransaction() {
        return (Set<Long>) TransactionSynchronizationManager.getResource(this);
    }
}
