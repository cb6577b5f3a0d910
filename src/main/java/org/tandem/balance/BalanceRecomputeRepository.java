package org.tandem.balance;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.val;
import static org.tandem.jooq.Tables.BALANCE_RECOMPUTE;
import static org.tandem.jooq.Tables.COUPLE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The clinics' balance recompute jobs and the couples they go through (docs/decisions/037-background-work.md). */
@Repository
class BalanceRecomputeRepository {

    /** An unfinished job and where it stands: the clinic, the couple it is past. */
    record Pending(long id, long clinicId, long afterCoupleId) {}

    private final DSLContext dsl;

    BalanceRecomputeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Finishes the clinic's unfinished jobs as superseded and records a new one for all of its couples. */
    @Transactional(propagation = Propagation.MANDATORY)
    void request(long clinicId, Instant now) {
        dsl.update(BALANCE_RECOMPUTE)
                .set(BALANCE_RECOMPUTE.FINISHED_AT, at(now))
                .set(BALANCE_RECOMPUTE.SUPERSEDED, true)
                .set(BALANCE_RECOMPUTE.VERSION, BALANCE_RECOMPUTE.VERSION.plus(1))
                .where(BALANCE_RECOMPUTE.CLINIC_ID.eq(clinicId), BALANCE_RECOMPUTE.FINISHED_AT.isNull())
                .execute();
        dsl.insertInto(BALANCE_RECOMPUTE, BALANCE_RECOMPUTE.CLINIC_ID, BALANCE_RECOMPUTE.REQUESTED_AT,
                        BALANCE_RECOMPUTE.TOTAL)
                .select(select(val(clinicId), val(at(now)),
                        count()).from(COUPLE).where(COUPLE.CLINIC_ID.eq(clinicId)))
                .execute();
    }

    /** The clinic's latest job, finished or not. */
    Optional<BalanceRecompute> latest(long clinicId) {
        return dsl.selectFrom(BALANCE_RECOMPUTE)
                .where(BALANCE_RECOMPUTE.CLINIC_ID.eq(clinicId))
                .orderBy(BALANCE_RECOMPUTE.ID.desc())
                .limit(1)
                .fetchOptional(BalanceRecomputeRepository::recompute);
    }

    /** One job of the clinic. */
    Optional<BalanceRecompute> find(long clinicId, long jobId) {
        return dsl.selectFrom(BALANCE_RECOMPUTE)
                .where(BALANCE_RECOMPUTE.CLINIC_ID.eq(clinicId), BALANCE_RECOMPUTE.ID.eq(jobId))
                .fetchOptional(BalanceRecomputeRepository::recompute);
    }

    /** Every clinic's unfinished jobs, oldest first (a job with no one signed in: installation scope). */
    List<Pending> pending() {
        return dsl.select(BALANCE_RECOMPUTE.ID, BALANCE_RECOMPUTE.CLINIC_ID, BALANCE_RECOMPUTE.AFTER_COUPLE_ID)
                .from(BALANCE_RECOMPUTE)
                .where(BALANCE_RECOMPUTE.FINISHED_AT.isNull())
                .orderBy(BALANCE_RECOMPUTE.ID)
                .fetch(row -> new Pending(row.value1(), row.value2(), row.value3()));
    }

    /** Marks the job started (once) with the clinic's couples counted now; false when it was finished meanwhile. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean start(long jobId, long clinicId, Instant now) {
        return dsl.update(BALANCE_RECOMPUTE)
                .set(BALANCE_RECOMPUTE.STARTED_AT, coalesce(BALANCE_RECOMPUTE.STARTED_AT, at(now)))
                // what is done plus what is left: a resumed job keeps its count of those done before the restart
                .set(BALANCE_RECOMPUTE.TOTAL, BALANCE_RECOMPUTE.DONE.plus(field(selectCount().from(COUPLE)
                        .where(COUPLE.CLINIC_ID.eq(clinicId), COUPLE.ID.gt(BALANCE_RECOMPUTE.AFTER_COUPLE_ID)))))
                .set(BALANCE_RECOMPUTE.VERSION, BALANCE_RECOMPUTE.VERSION.plus(1))
                .where(BALANCE_RECOMPUTE.ID.eq(jobId), BALANCE_RECOMPUTE.CLINIC_ID.eq(clinicId),
                        BALANCE_RECOMPUTE.FINISHED_AT.isNull())
                .execute() == 1;
    }

    /** The next {@code size} couples of the clinic after {@code afterCoupleId}, in order of id. */
    List<Long> couplesAfter(long clinicId, long afterCoupleId, int size) {
        return dsl.select(COUPLE.ID).from(COUPLE)
                .where(COUPLE.CLINIC_ID.eq(clinicId), COUPLE.ID.gt(afterCoupleId))
                .orderBy(COUPLE.ID)
                .limit(size)
                .fetch(COUPLE.ID);
    }

    /**
     * Records a batch done, up to couple {@code lastCoupleId}; false when the job was finished meanwhile (superseded
     * by a newer save), and then nothing changes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean progressed(long jobId, int couples, long lastCoupleId) {
        return dsl.update(BALANCE_RECOMPUTE)
                .set(BALANCE_RECOMPUTE.DONE, BALANCE_RECOMPUTE.DONE.plus(couples))
                .set(BALANCE_RECOMPUTE.AFTER_COUPLE_ID, lastCoupleId)
                .set(BALANCE_RECOMPUTE.ERROR, (String) null)
                .set(BALANCE_RECOMPUTE.VERSION, BALANCE_RECOMPUTE.VERSION.plus(1))
                .where(BALANCE_RECOMPUTE.ID.eq(jobId), BALANCE_RECOMPUTE.FINISHED_AT.isNull())
                .execute() == 1;
    }

    /** Finishes the job (every couple done); a couple added meanwhile counts in the total. */
    @Transactional(propagation = Propagation.MANDATORY)
    void finish(long jobId, Instant now) {
        dsl.update(BALANCE_RECOMPUTE)
                .set(BALANCE_RECOMPUTE.FINISHED_AT, at(now))
                .set(BALANCE_RECOMPUTE.TOTAL, greatest(BALANCE_RECOMPUTE.TOTAL,
                        BALANCE_RECOMPUTE.DONE))
                .set(BALANCE_RECOMPUTE.ERROR, (String) null)
                .set(BALANCE_RECOMPUTE.VERSION, BALANCE_RECOMPUTE.VERSION.plus(1))
                .where(BALANCE_RECOMPUTE.ID.eq(jobId), BALANCE_RECOMPUTE.FINISHED_AT.isNull())
                .execute();
    }

    /** Notes why the last batch failed; the job stays unfinished and is tried again later. */
    @Transactional(propagation = Propagation.MANDATORY)
    void failed(long jobId, String error) {
        dsl.update(BALANCE_RECOMPUTE)
                .set(BALANCE_RECOMPUTE.ERROR, error)
                .set(BALANCE_RECOMPUTE.VERSION, BALANCE_RECOMPUTE.VERSION.plus(1))
                .where(BALANCE_RECOMPUTE.ID.eq(jobId), BALANCE_RECOMPUTE.FINISHED_AT.isNull())
                .execute();
    }

    private static BalanceRecompute recompute(Record row) {
        return new BalanceRecompute(row.get(BALANCE_RECOMPUTE.ID), instant(row.get(BALANCE_RECOMPUTE.REQUESTED_AT)),
                nullableInstant(row.get(BALANCE_RECOMPUTE.STARTED_AT)),
                nullableInstant(row.get(BALANCE_RECOMPUTE.FINISHED_AT)), row.get(BALANCE_RECOMPUTE.TOTAL),
                row.get(BALANCE_RECOMPUTE.DONE), row.get(BALANCE_RECOMPUTE.ERROR));
    }

    private static Instant instant(OffsetDateTime at) {
        return at.toInstant();
    }

    private static @Nullable Instant nullableInstant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
