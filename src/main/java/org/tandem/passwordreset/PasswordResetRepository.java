package org.tandem.passwordreset;

import static org.jooq.impl.DSL.row;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.PASSWORD_RESET;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Record5;
import org.jooq.Records;
import org.jooq.SelectConditionStep;
import org.jooq.SelectField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class PasswordResetRepository {

    private final DSLContext dsl;

    PasswordResetRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The account a link is for, with what the passphrase policy must not let it be built from. */
    record Holder(long accountId, long clinicId, String email, String displayName, boolean active,
            String clinicName) {}

    /** A link found by its token, with whom it is for. */
    record Found(long id, OffsetDateTime expiresAt, @Nullable OffsetDateTime usedAt,
            @Nullable OffsetDateTime voidedAt, Holder holder) {}

    /** The account that signs in with this (normalised) e-mail, in whichever clinic. */
    Optional<Holder> holderByEmail(String email) {
        return dsl.select(holder()).from(ACCOUNT).join(CLINIC).on(CLINIC.ID.eq(ACCOUNT.CLINIC_ID))
                .where(ACCOUNT.EMAIL.eq(email))
                .fetchOptional(Record1::value1);
    }

    /** An account of this clinic; none for an account of another clinic. */
    Optional<Holder> holder(long clinicId, long accountId) {
        return dsl.select(holder()).from(ACCOUNT).join(CLINIC).on(CLINIC.ID.eq(ACCOUNT.CLINIC_ID))
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ID.eq(accountId))
                .fetchOptional(Record1::value1);
    }

    private static SelectField<Holder> holder() {
        return row(ACCOUNT.ID, ACCOUNT.CLINIC_ID, ACCOUNT.EMAIL, ACCOUNT.DISPLAY_NAME, ACCOUNT.ACTIVE, CLINIC.NAME)
                .mapping(Holder::new);
    }

    /** How many links the person asked for themselves since the given time. */
    int requestedSince(long clinicId, long accountId, Instant since) {
        return dsl.fetchCount(PASSWORD_RESET, PASSWORD_RESET.CLINIC_ID.eq(clinicId),
                PASSWORD_RESET.ACCOUNT_ID.eq(accountId), PASSWORD_RESET.REQUESTED_BY.isNull(),
                PASSWORD_RESET.CREATED_AT.ge(at(since)));
    }

    Optional<Found> find(String tokenHash) {
        return select(tokenHash).fetchOptional(Records.mapping(Found::new));
    }

    /** The link, locked until the transaction ends: it is used at most once, even when submitted twice. */
    Optional<Found> lock(String tokenHash) {
        return select(tokenHash).forUpdate().of(PASSWORD_RESET).fetchOptional(Records.mapping(Found::new));
    }

    private SelectConditionStep<Record5<Long, OffsetDateTime, OffsetDateTime, OffsetDateTime, Holder>> select(
            String tokenHash) {
        return dsl.select(PASSWORD_RESET.ID, PASSWORD_RESET.EXPIRES_AT, PASSWORD_RESET.USED_AT,
                        PASSWORD_RESET.VOIDED_AT, holder())
                .from(PASSWORD_RESET)
                .join(ACCOUNT).on(ACCOUNT.CLINIC_ID.eq(PASSWORD_RESET.CLINIC_ID),
                        ACCOUNT.ID.eq(PASSWORD_RESET.ACCOUNT_ID))
                .join(CLINIC).on(CLINIC.ID.eq(ACCOUNT.CLINIC_ID))
                .where(PASSWORD_RESET.TOKEN_HASH.eq(tokenHash));
    }

    /** Voids the account's links that are neither used nor voided yet: only the newest one works. */
    @Transactional(propagation = Propagation.MANDATORY)
    int voidPending(long clinicId, long accountId, Instant now) {
        return dsl.update(PASSWORD_RESET)
                .set(PASSWORD_RESET.VOIDED_AT, at(now))
                .where(PASSWORD_RESET.CLINIC_ID.eq(clinicId), PASSWORD_RESET.ACCOUNT_ID.eq(accountId),
                        PASSWORD_RESET.USED_AT.isNull(), PASSWORD_RESET.VOIDED_AT.isNull())
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insert(long clinicId, long accountId, String tokenHash, @Nullable Long requestedBy, Instant now,
            Instant expiresAt) {
        return dsl.insertInto(PASSWORD_RESET)
                .set(PASSWORD_RESET.CLINIC_ID, clinicId)
                .set(PASSWORD_RESET.ACCOUNT_ID, accountId)
                .set(PASSWORD_RESET.TOKEN_HASH, tokenHash)
                .set(PASSWORD_RESET.REQUESTED_BY, requestedBy)
                .set(PASSWORD_RESET.CREATED_AT, at(now))
                .set(PASSWORD_RESET.EXPIRES_AT, at(expiresAt))
                .returning(PASSWORD_RESET.ID)
                .fetchSingle().getId();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void markUsed(long id, Instant now) {
        dsl.update(PASSWORD_RESET).set(PASSWORD_RESET.USED_AT, at(now)).where(PASSWORD_RESET.ID.eq(id)).execute();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
