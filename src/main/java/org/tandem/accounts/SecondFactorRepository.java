package org.tandem.accounts;

import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.RECOVERY_CODE;
import static org.tandem.jooq.Tables.SECOND_FACTOR;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class SecondFactorRepository {

    /** An account's TOTP secret as stored (sealed); {@code confirmedAt} null while its enrolment is unfinished. */
    record Stored(byte[] sealedSecret, @Nullable OffsetDateTime confirmedAt, @Nullable Long lastTimeStep) {
        boolean confirmed() {
            return confirmedAt != null;
        }
    }

    record UnusedCode(long id, String hash) {}

    private final DSLContext dsl;

    SecondFactorRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<Stored> find(long accountId) {
        return dsl.select(SECOND_FACTOR.SEALED_SECRET, SECOND_FACTOR.CONFIRMED_AT, SECOND_FACTOR.LAST_TIME_STEP)
                .from(SECOND_FACTOR)
                .where(SECOND_FACTOR.ACCOUNT_ID.eq(accountId))
                .fetchOptional(Records.mapping(Stored::new));
    }

    /** The same row, locked until the transaction ends: two sign-ins with one code cannot both pass. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Stored> lock(long accountId) {
        return dsl.select(SECOND_FACTOR.SEALED_SECRET, SECOND_FACTOR.CONFIRMED_AT, SECOND_FACTOR.LAST_TIME_STEP)
                .from(SECOND_FACTOR)
                .where(SECOND_FACTOR.ACCOUNT_ID.eq(accountId))
                .forUpdate()
                .fetchOptional(Records.mapping(Stored::new));
    }

    boolean confirmed(long accountId) {
        return dsl.fetchExists(SECOND_FACTOR,
                SECOND_FACTOR.ACCOUNT_ID.eq(accountId).and(SECOND_FACTOR.CONFIRMED_AT.isNotNull()));
    }

    /** Whether the clinic requires a second factor of its staff. */
    boolean requiredForStaff(long clinicId) {
        return dsl.fetchExists(CLINIC, CLINIC.ID.eq(clinicId).and(CLINIC.SECOND_FACTOR_REQUIRED));
    }

    /** Whether this person must have a second factor: staff of a clinic that requires one of its staff. */
    boolean requiredOf(TandemUser user) {
        return (user.hasRole(Role.ADMIN) || user.hasRole(Role.THERAPIST)) && requiredForStaff(user.clinicId());
    }

    String clinicName(long clinicId) {
        return dsl.select(CLINIC.NAME).from(CLINIC).where(CLINIC.ID.eq(clinicId))
                .fetchSingle(Records.mapping(name -> name));
    }

    /** The account's clinic, if the account exists. */
    Optional<Long> clinicOf(long accountId) {
        return dsl.select(ACCOUNT.CLINIC_ID).from(ACCOUNT).where(ACCOUNT.ID.eq(accountId))
                .fetchOptional(ACCOUNT.CLINIC_ID);
    }

    Optional<String> passwordHash(long accountId) {
        return dsl.select(ACCOUNT.PASSWORD_HASH).from(ACCOUNT).where(ACCOUNT.ID.eq(accountId))
                .fetchOptional(ACCOUNT.PASSWORD_HASH);
    }

    /** Starts (or starts again) an enrolment: a new unconfirmed secret replaces any unconfirmed one. */
    @Transactional(propagation = Propagation.MANDATORY)
    void savePending(long clinicId, long accountId, byte[] sealedSecret, OffsetDateTime now) {
        dsl.insertInto(SECOND_FACTOR)
                .set(SECOND_FACTOR.ACCOUNT_ID, accountId)
                .set(SECOND_FACTOR.CLINIC_ID, clinicId)
                .set(SECOND_FACTOR.SEALED_SECRET, sealedSecret)
                .set(SECOND_FACTOR.CREATED_AT, now)
                .onConflict(SECOND_FACTOR.ACCOUNT_ID)
                .doUpdate()
                .set(SECOND_FACTOR.SEALED_SECRET, sealedSecret)
                .set(SECOND_FACTOR.CREATED_AT, now)
                .set(SECOND_FACTOR.LAST_TIME_STEP, (Long) null)
                .where(SECOND_FACTOR.CONFIRMED_AT.isNull())
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void confirm(long accountId, long timeStep, OffsetDateTime now) {
        dsl.update(SECOND_FACTOR)
                .set(SECOND_FACTOR.CONFIRMED_AT, now)
                .set(SECOND_FACTOR.LAST_TIME_STEP, timeStep)
                .where(SECOND_FACTOR.ACCOUNT_ID.eq(accountId), SECOND_FACTOR.CONFIRMED_AT.isNull())
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void acceptStep(long accountId, long timeStep) {
        dsl.update(SECOND_FACTOR)
                .set(SECOND_FACTOR.LAST_TIME_STEP, timeStep)
                .where(SECOND_FACTOR.ACCOUNT_ID.eq(accountId))
                .execute();
    }

    /** Removes the account's second factor and its recovery codes; whether there was one. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean delete(long accountId) {
        dsl.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.ACCOUNT_ID.eq(accountId)).execute();
        return dsl.deleteFrom(SECOND_FACTOR).where(SECOND_FACTOR.ACCOUNT_ID.eq(accountId)).execute() == 1;
    }

    /** Replaces the account's recovery codes with these hashes. */
    @Transactional(propagation = Propagation.MANDATORY)
    void replaceRecoveryCodes(long clinicId, long accountId, List<String> hashes, OffsetDateTime now) {
        dsl.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.ACCOUNT_ID.eq(accountId)).execute();
        var insert = dsl.insertInto(RECOVERY_CODE, RECOVERY_CODE.CLINIC_ID, RECOVERY_CODE.ACCOUNT_ID,
                RECOVERY_CODE.CODE_HASH, RECOVERY_CODE.CREATED_AT);
        for (String hash : hashes) {
            insert = insert.values(clinicId, accountId, hash, now);
        }
        insert.execute();
    }

    List<UnusedCode> unusedCodes(long accountId) {
        return dsl.select(RECOVERY_CODE.ID, RECOVERY_CODE.CODE_HASH)
                .from(RECOVERY_CODE)
                .where(RECOVERY_CODE.ACCOUNT_ID.eq(accountId), RECOVERY_CODE.USED_AT.isNull())
                .orderBy(RECOVERY_CODE.ID)
                .fetch(Records.mapping(UnusedCode::new));
    }

    /** Spends a recovery code; false when another sign-in spent it first. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean spend(long codeId, OffsetDateTime now) {
        return dsl.update(RECOVERY_CODE)
                .set(RECOVERY_CODE.USED_AT, now)
                .where(RECOVERY_CODE.ID.eq(codeId), RECOVERY_CODE.USED_AT.isNull())
                .execute() == 1;
    }
}
