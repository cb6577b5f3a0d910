package org.tandem.invitations;

import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.INVITATION;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.Role;

@Repository
class InvitationRepository {

    private final DSLContext dsl;

    InvitationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A partner as an invitation needs them. */
    record Invitee(long partnerId, long coupleId, int position, String fullName, @Nullable String preferredName,
            @Nullable String email, @Nullable Long accountId) {}

    /** A partner and their newest invitation, if any. */
    record Latest(int position, @Nullable Long accountId, @Nullable String partnerEmail,
            @Nullable String invitedEmail, @Nullable OffsetDateTime createdAt,
            @Nullable OffsetDateTime expiresAt, @Nullable OffsetDateTime acceptedAt,
            @Nullable OffsetDateTime voidedAt) {}

    /** An invitation found by its token, with whom it is for. */
    record Found(long id, long clinicId, @Nullable Long partnerId, String email, Role role,
            OffsetDateTime expiresAt, @Nullable OffsetDateTime acceptedAt, @Nullable OffsetDateTime voidedAt,
            String clinicName) {}

    Optional<Invitee> invitee(long clinicId, long coupleId, int position) {
        return dsl.select(PARTNER.ID, PARTNER.COUPLE_ID, PARTNER.POSITION.convertFrom(Short::intValue),
                        PARTNER.FULL_NAME, PARTNER.PREFERRED_NAME, PARTNER.EMAIL, PARTNER.ACCOUNT_ID)
                .from(PARTNER)
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.COUPLE_ID.eq(coupleId),
                        PARTNER.POSITION.eq((short) position))
                .fetchOptional(Records.mapping(Invitee::new));
    }

    Optional<Invitee> inviteeById(long clinicId, long partnerId) {
        return dsl.select(PARTNER.ID, PARTNER.COUPLE_ID, PARTNER.POSITION.convertFrom(Short::intValue),
                        PARTNER.FULL_NAME, PARTNER.PREFERRED_NAME, PARTNER.EMAIL, PARTNER.ACCOUNT_ID)
                .from(PARTNER)
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.ID.eq(partnerId))
                .fetchOptional(Records.mapping(Invitee::new));
    }

    /** The partner, locked until the transaction ends, so that two acceptances cannot both link an account. */
    Optional<Invitee> lockInvitee(long clinicId, long partnerId) {
        return dsl.select(PARTNER.ID, PARTNER.COUPLE_ID, PARTNER.POSITION.convertFrom(Short::intValue),
                        PARTNER.FULL_NAME, PARTNER.PREFERRED_NAME, PARTNER.EMAIL, PARTNER.ACCOUNT_ID)
                .from(PARTNER)
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.ID.eq(partnerId))
                .forUpdate()
                .fetchOptional(Records.mapping(Invitee::new));
    }

    /** Both partners of the couple with each one's newest invitation. */
    List<Latest> latestPerPartner(long clinicId, long coupleId) {
        return dsl.select(PARTNER.POSITION.convertFrom(Short::intValue), PARTNER.ACCOUNT_ID, PARTNER.EMAIL,
                        INVITATION.EMAIL, INVITATION.CREATED_AT, INVITATION.EXPIRES_AT, INVITATION.ACCEPTED_AT, INVITATION.VOIDED_AT)
                .distinctOn(PARTNER.POSITION)
                .from(PARTNER)
                .leftJoin(INVITATION)
                .on(INVITATION.CLINIC_ID.eq(PARTNER.CLINIC_ID), INVITATION.PARTNER_ID.eq(PARTNER.ID))
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.COUPLE_ID.eq(coupleId))
                .orderBy(PARTNER.POSITION, INVITATION.CREATED_AT.desc().nullsLast(), INVITATION.ID.desc())
                .fetch(Records.mapping(Latest::new));
    }

    Optional<Found> find(String tokenHash) {
        return select(tokenHash).fetchOptional(Records.mapping(Found::new));
    }

    /** The invitation, locked until the transaction ends: a link is used at most once, even when clicked twice. */
    Optional<Found> lock(String tokenHash) {
        return select(tokenHash).forUpdate().of(INVITATION).fetchOptional(Records.mapping(Found::new));
    }

    private org.jooq.SelectConditionStep<org.jooq.Record9<Long, Long, Long, String, Role, OffsetDateTime,
            OffsetDateTime, OffsetDateTime, String>> select(String tokenHash) {
        return dsl.select(INVITATION.ID, INVITATION.CLINIC_ID, INVITATION.PARTNER_ID, INVITATION.EMAIL,
                        INVITATION.ROLE, INVITATION.EXPIRES_AT, INVITATION.ACCEPTED_AT, INVITATION.VOIDED_AT,
                        CLINIC.NAME)
                .from(INVITATION)
                .join(CLINIC).on(CLINIC.ID.eq(INVITATION.CLINIC_ID))
                .where(INVITATION.TOKEN_HASH.eq(tokenHash));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    int voidPending(long clinicId, long partnerId, Instant now) {
        return dsl.update(INVITATION)
                .set(INVITATION.VOIDED_AT, at(now))
                .where(INVITATION.CLINIC_ID.eq(clinicId), INVITATION.PARTNER_ID.eq(partnerId),
                        INVITATION.ACCEPTED_AT.isNull(), INVITATION.VOIDED_AT.isNull())
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insert(long clinicId, long partnerId, String email, String tokenHash, long createdBy, Instant now,
            Instant expiresAt) {
        return dsl.insertInto(INVITATION)
                .set(INVITATION.CLINIC_ID, clinicId)
                .set(INVITATION.PARTNER_ID, partnerId)
                .set(INVITATION.EMAIL, email)
                .set(INVITATION.ROLE, Role.CLIENT)
                .set(INVITATION.TOKEN_HASH, tokenHash)
                .set(INVITATION.CREATED_BY, createdBy)
                .set(INVITATION.CREATED_AT, at(now))
                .set(INVITATION.EXPIRES_AT, at(expiresAt))
                .returning(INVITATION.ID)
                .fetchSingle().getId();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void markAccepted(long clinicId, long invitationId, long accountId, Instant now) {
        dsl.update(INVITATION)
                .set(INVITATION.ACCEPTED_AT, at(now))
                .set(INVITATION.ACCOUNT_ID, accountId)
                .where(INVITATION.CLINIC_ID.eq(clinicId), INVITATION.ID.eq(invitationId))
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void linkAccount(long clinicId, long partnerId, long accountId) {
        dsl.update(PARTNER)
                .set(PARTNER.ACCOUNT_ID, accountId)
                .set(PARTNER.VERSION, PARTNER.VERSION.plus(1))
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.ID.eq(partnerId), PARTNER.ACCOUNT_ID.isNull())
                .execute();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
