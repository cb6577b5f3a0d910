package org.tandem.invitations;

import static org.tandem.jooq.Tables.CLINIC;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectOne;
import static org.tandem.jooq.Tables.INVITATION;
import static org.tandem.jooq.Tables.INVITATION_ROLE;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.Role;
import org.tandem.accounts.UserFilter;

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
            @Nullable OffsetDateTime voidedAt, @Nullable OffsetDateTime needsAttentionAt) {}

    /** An invitation found by its token, with whom it is for. */
    record Found(long id, long clinicId, @Nullable Long partnerId, String email, Role role,
            OffsetDateTime expiresAt, @Nullable OffsetDateTime acceptedAt, @Nullable OffsetDateTime voidedAt,
            String clinicName, @Nullable String displayName, @Nullable OffsetDateTime needsAttentionAt) {}

    /** A staff invitation as the admin's list and its actions need it. */
    record Staff(long id, String displayName, String email, Set<Role> roles, OffsetDateTime createdAt,
            OffsetDateTime expiresAt, @Nullable OffsetDateTime acceptedAt, @Nullable OffsetDateTime voidedAt,
            @Nullable OffsetDateTime needsAttentionAt) {}

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
                        INVITATION.EMAIL, INVITATION.CREATED_AT, INVITATION.EXPIRES_AT, INVITATION.ACCEPTED_AT, INVITATION.VOIDED_AT,
                        INVITATION.NEEDS_ATTENTION_AT)
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

    private org.jooq.SelectConditionStep<org.jooq.Record11<Long, Long, Long, String, Role, OffsetDateTime,
            OffsetDateTime, OffsetDateTime, String, String, OffsetDateTime>> select(String tokenHash) {
        return dsl.select(INVITATION.ID, INVITATION.CLINIC_ID, INVITATION.PARTNER_ID, INVITATION.EMAIL,
                        INVITATION.ROLE, INVITATION.EXPIRES_AT, INVITATION.ACCEPTED_AT, INVITATION.VOIDED_AT,
                        CLINIC.NAME, INVITATION.DISPLAY_NAME, INVITATION.NEEDS_ATTENTION_AT)
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

    /** Whether a link for this partner and address, still pending, was issued at or after {@code since}. */
    boolean pendingIssuedSince(long clinicId, long partnerId, String email, Instant since) {
        return dsl.fetchExists(INVITATION, INVITATION.CLINIC_ID.eq(clinicId), INVITATION.PARTNER_ID.eq(partnerId),
                INVITATION.EMAIL.eq(email), INVITATION.ACCEPTED_AT.isNull(), INVITATION.VOIDED_AT.isNull(),
                INVITATION.CREATED_AT.ge(at(since)));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insert(long clinicId, long partnerId, String email, String tokenHash, long createdBy, Instant now,
            Instant expiresAt) {
        return insertRow(clinicId, partnerId, null, email, Role.CLIENT, tokenHash, createdBy, now, expiresAt);
    }

    /** A partner's invitation names the partner; a staff member's names the person instead. */
    private long insertRow(long clinicId, @Nullable Long partnerId, @Nullable String displayName, String email,
            Role role, String tokenHash, long createdBy, Instant now, Instant expiresAt) {
        return dsl.insertInto(INVITATION)
                .set(INVITATION.CLINIC_ID, clinicId)
                .set(INVITATION.PARTNER_ID, partnerId)
                .set(INVITATION.DISPLAY_NAME, displayName)
                .set(INVITATION.EMAIL, email)
                .set(INVITATION.ROLE, role)
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

    /**
     * Marks an invitation whose address already signs in to an account: the link stays unusable and the inviter and
     * the clinic's admins see that it needs their attention.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void markNeedsAttention(long clinicId, long invitationId, Instant now) {
        stamp(INVITATION.NEEDS_ATTENTION_AT, clinicId, invitationId, now);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void linkAccount(long clinicId, long partnerId, long accountId) {
        dsl.update(PARTNER)
                .set(PARTNER.ACCOUNT_ID, accountId)
                .set(PARTNER.VERSION, PARTNER.VERSION.plus(1))
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.ID.eq(partnerId), PARTNER.ACCOUNT_ID.isNull())
                .execute();
    }

    private static Field<Set<Role>> staffRoles() {
        return multiset(DSL.select(INVITATION_ROLE.ROLE).from(INVITATION_ROLE)
                .where(INVITATION_ROLE.INVITATION_ID.eq(INVITATION.ID)))
                .convertFrom(rows -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    rows.forEach(row -> roles.add(row.value1()));
                    return roles;
                });
    }

    /** The clinic's staff invitations neither accepted nor voided that match the filter, newest first. */
    List<Staff> pendingStaff(long clinicId, UserFilter filter) {
        Condition condition = noCondition();
        for (String term : filter.terms()) {
            condition = condition.and(INVITATION.DISPLAY_NAME.containsIgnoreCase(term)
                    .or(INVITATION.EMAIL.containsIgnoreCase(term)));
        }
        Role role = filter.role();
        if (role != null) {
            condition = condition.and(exists(selectOne().from(INVITATION_ROLE)
                    .where(INVITATION_ROLE.INVITATION_ID.eq(INVITATION.ID), INVITATION_ROLE.ROLE.eq(role))));
        }
        return staff()
                .where(INVITATION.CLINIC_ID.eq(clinicId), INVITATION.PARTNER_ID.isNull(),
                        INVITATION.ACCEPTED_AT.isNull(), INVITATION.VOIDED_AT.isNull(), condition)
                .orderBy(INVITATION.CREATED_AT.desc(), INVITATION.ID.desc())
                .limit(MAX_PENDING)
                .fetch(Records.mapping(Staff::new));
    }

    /** Enough for any clinic's pending staff invitations; the list is not paged. */
    static final int MAX_PENDING = 500;

    /** One staff invitation of the clinic, locked until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Staff> lockStaff(long clinicId, long invitationId) {
        return staff()
                .where(INVITATION.CLINIC_ID.eq(clinicId), INVITATION.ID.eq(invitationId),
                        INVITATION.PARTNER_ID.isNull())
                .forUpdate().of(INVITATION)
                .fetchOptional(Records.mapping(Staff::new));
    }

    private org.jooq.SelectJoinStep<org.jooq.Record9<Long, String, String, Set<Role>, OffsetDateTime,
            OffsetDateTime, OffsetDateTime, OffsetDateTime, OffsetDateTime>> staff() {
        return dsl.select(INVITATION.ID, INVITATION.DISPLAY_NAME, INVITATION.EMAIL, staffRoles(),
                        INVITATION.CREATED_AT, INVITATION.EXPIRES_AT, INVITATION.ACCEPTED_AT, INVITATION.VOIDED_AT,
                        INVITATION.NEEDS_ATTENTION_AT)
                .from(INVITATION);
    }

    Set<Role> staffRoles(long clinicId, long invitationId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(dsl.select(INVITATION_ROLE.ROLE).from(INVITATION_ROLE)
                .where(INVITATION_ROLE.CLINIC_ID.eq(clinicId), INVITATION_ROLE.INVITATION_ID.eq(invitationId))
                .fetch(INVITATION_ROLE.ROLE));
        return roles;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insertStaff(long clinicId, String displayName, String email, Set<Role> roles, String tokenHash,
            long createdBy, Instant now, Instant expiresAt) {
        long id = insertRow(clinicId, null, displayName, email,
                roles.contains(Role.ADMIN) ? Role.ADMIN : Role.THERAPIST, tokenHash, createdBy, now, expiresAt);
        for (Role role : roles) {
            dsl.insertInto(INVITATION_ROLE)
                    .set(INVITATION_ROLE.CLINIC_ID, clinicId)
                    .set(INVITATION_ROLE.INVITATION_ID, id)
                    .set(INVITATION_ROLE.ROLE, role)
                    .execute();
        }
        return id;
    }

    /** Voids the clinic's pending staff invitations to this address: a new one replaces them. */
    @Transactional(propagation = Propagation.MANDATORY)
    int voidPendingStaff(long clinicId, String email, Instant now) {
        return dsl.update(INVITATION)
                .set(INVITATION.VOIDED_AT, at(now))
                .where(INVITATION.CLINIC_ID.eq(clinicId), INVITATION.PARTNER_ID.isNull(), INVITATION.EMAIL.eq(email),
                        INVITATION.ACCEPTED_AT.isNull(), INVITATION.VOIDED_AT.isNull())
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void markVoided(long clinicId, long invitationId, Instant now) {
        stamp(INVITATION.VOIDED_AT, clinicId, invitationId, now);
    }

    private void stamp(Field<OffsetDateTime> when, long clinicId, long invitationId, Instant now) {
        dsl.update(INVITATION)
                .set(when, at(now))
                .where(INVITATION.CLINIC_ID.eq(clinicId), INVITATION.ID.eq(invitationId))
                .execute();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
