package org.tandem.accounts;

import static org.tandem.jooq.Tables.SIGN_IN_FAILURE;
import static org.tandem.jooq.Tables.SIGN_IN_LOCK;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class SignInThrottleRepository {

    private final DSLContext dsl;

    SignInThrottleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A lock of this kind and key, whether or not it has run out yet. */
    record Lock(SignInLockKind kind, String key, Instant lockedUntil) {}

    List<Lock> locks(String email, String address) {
        return dsl.select(SIGN_IN_LOCK.KIND, SIGN_IN_LOCK.KEY, SIGN_IN_LOCK.LOCKED_UNTIL)
                .from(SIGN_IN_LOCK)
                .where(SIGN_IN_LOCK.KIND.eq(SignInLockKind.EMAIL).and(SIGN_IN_LOCK.KEY.eq(email))
                        .or(SIGN_IN_LOCK.KIND.eq(SignInLockKind.ADDRESS).and(SIGN_IN_LOCK.KEY.eq(address))))
                .fetch(row -> new Lock(row.value1(), row.value2(), row.value3().toInstant()));
    }

    /** Removes the lock when it is still the one that ran out; false when another request removed it first. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean unlock(Lock lock) {
        return dsl.deleteFrom(SIGN_IN_LOCK)
                .where(SIGN_IN_LOCK.KIND.eq(lock.kind()), SIGN_IN_LOCK.KEY.eq(lock.key()),
                        SIGN_IN_LOCK.LOCKED_UNTIL.eq(at(lock.lockedUntil())))
                .execute() == 1;
    }

    /** False when a lock of this kind and key is already in place. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean lock(SignInLockKind kind, String key, Instant until) {
        return dsl.insertInto(SIGN_IN_LOCK)
                .set(SIGN_IN_LOCK.KIND, kind)
                .set(SIGN_IN_LOCK.KEY, key)
                .set(SIGN_IN_LOCK.LOCKED_UNTIL, at(until))
                .onConflictDoNothing()
                .execute() == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void recordFailure(String email, String address, Instant at) {
        dsl.insertInto(SIGN_IN_FAILURE)
                .set(SIGN_IN_FAILURE.EMAIL, email)
                .set(SIGN_IN_FAILURE.ADDRESS, address)
                .set(SIGN_IN_FAILURE.FAILED_AT, at(at))
                .execute();
    }

    /** Failures no window looks at any more. */
    @Transactional(propagation = Propagation.MANDATORY)
    void forgetFailuresBefore(Instant before) {
        dsl.deleteFrom(SIGN_IN_FAILURE).where(SIGN_IN_FAILURE.FAILED_AT.lt(at(before))).execute();
    }

    /** A successful sign-in starts the e-mail's count again. */
    @Transactional(propagation = Propagation.MANDATORY)
    void forgetFailures(String email) {
        dsl.deleteFrom(SIGN_IN_FAILURE).where(SIGN_IN_FAILURE.EMAIL.eq(email)).execute();
    }

    int failuresOfEmailSince(String email, Instant since) {
        return dsl.fetchCount(SIGN_IN_FAILURE, SIGN_IN_FAILURE.EMAIL.eq(email), SIGN_IN_FAILURE.FAILED_AT.ge(at(since)));
    }

    int failuresFromAddressSince(String address, Instant since) {
        return dsl.fetchCount(SIGN_IN_FAILURE, SIGN_IN_FAILURE.ADDRESS.eq(address),
                SIGN_IN_FAILURE.FAILED_AT.ge(at(since)));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
