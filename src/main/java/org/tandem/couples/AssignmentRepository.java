package org.tandem.couples;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ACCOUNT_ROLE;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.Role;
import org.tandem.jooq.tables.Account;
import org.tandem.jooq.tables.CoupleTherapist;
import org.tandem.jooq.tables.Partner;

/** Who works with which couple, for the clinic's admins. Reads nothing clinical beyond names and status. */
@Repository
class AssignmentRepository {

    private static final Partner ONE = PARTNER.as("partner_one");
    private static final Partner TWO = PARTNER.as("partner_two");
    private static final List<Field<String>> NAMES = List.of(ONE.FULL_NAME, ONE.PREFERRED_NAME, TWO.FULL_NAME,
            TWO.PREFERRED_NAME);
    private static final CoupleTherapist PRIMARY = COUPLE_THERAPIST.as("primary_therapist");
    private static final Account PRIMARY_ACCOUNT = ACCOUNT.as("primary_account");

    /** The first co-therapist (the schema allows several; admins assign one). */
    private static final Table<Record2<Long, String>> CO = lateral(
            select(COUPLE_THERAPIST.ACCOUNT_ID, ACCOUNT.DISPLAY_NAME)
                    .from(COUPLE_THERAPIST)
                    .join(ACCOUNT).on(ACCOUNT.ID.eq(COUPLE_THERAPIST.ACCOUNT_ID))
                    .where(COUPLE_THERAPIST.COUPLE_ID.eq(COUPLE.ID), COUPLE_THERAPIST.ROLE.eq(TherapistRole.CO_THERAPIST))
                    .orderBy(COUPLE_THERAPIST.ASSIGNED_AT, COUPLE_THERAPIST.ACCOUNT_ID)
                    .limit(1))
            .as("co");
    private static final Field<Long> CO_ID = Objects.requireNonNull(CO.field(COUPLE_THERAPIST.ACCOUNT_ID));
    private static final Field<String> CO_NAME = Objects.requireNonNull(CO.field(ACCOUNT.DISPLAY_NAME));

    enum TherapistCheck {
        /** No such account in this clinic (whether or not it exists elsewhere). */
        NOT_IN_CLINIC,
        NOT_A_THERAPIST,
        THERAPIST
    }

    private final DSLContext dsl;
    private final Clock clock;

    AssignmentRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    List<CoupleAssignment> page(long clinicId, CoupleFilter filter, int offset, int limit) {
        return dsl.select(COUPLE.ID, ONE.FULL_NAME, TWO.FULL_NAME, COUPLE.STATUS, PRIMARY_ACCOUNT.ID,
                        PRIMARY_ACCOUNT.DISPLAY_NAME, CO_ID, CO_NAME)
                .from(tables())
                .leftJoin(PRIMARY_ACCOUNT).on(PRIMARY_ACCOUNT.ID.eq(PRIMARY.ACCOUNT_ID))
                .leftJoin(CO).on(noCondition())
                .where(COUPLE.CLINIC_ID.eq(clinicId), CoupleFilterCondition.of(filter, NAMES, COUPLE.STATUS))
                .orderBy(lower(ONE.FULL_NAME), COUPLE.ID)
                .offset(offset)
                .limit(limit)
                .fetch(row -> new CoupleAssignment(row.value1(), row.value2(), row.value3(),
                        row.value4(),
                        therapist(row.value5(), row.value6()), therapist(row.value7(), row.value8())));
    }

    private static @Nullable ClinicTherapist therapist(@Nullable Long id, @Nullable String name) {
        return id == null || name == null ? null : new ClinicTherapist(id, name);
    }

    int count(long clinicId, CoupleFilter filter) {
        return dsl.selectCount()
                .from(tables())
                .where(COUPLE.CLINIC_ID.eq(clinicId), CoupleFilterCondition.of(filter, NAMES, COUPLE.STATUS))
                .fetchSingle()
                .value1();
    }

    private static TableLike<Record> tables() {
        return COUPLE
                .join(ONE).on(ONE.COUPLE_ID.eq(COUPLE.ID), ONE.POSITION.eq((short) 1))
                .leftJoin(TWO).on(TWO.COUPLE_ID.eq(COUPLE.ID), TWO.POSITION.eq((short) 2))
                .leftJoin(PRIMARY).on(PRIMARY.COUPLE_ID.eq(COUPLE.ID), PRIMARY.ROLE.eq(TherapistRole.PRIMARY));
    }

    /** The clinic's active therapists, by name. */
    List<ClinicTherapist> therapists(long clinicId) {
        return dsl.select(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME)
                .from(ACCOUNT)
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ACTIVE.isTrue(), isTherapist())
                .orderBy(lower(ACCOUNT.DISPLAY_NAME), ACCOUNT.ID)
                .fetch(Records.mapping(ClinicTherapist::new));
    }

    private static Condition isTherapist() {
        return exists(selectOne().from(ACCOUNT_ROLE)
                .where(ACCOUNT_ROLE.ACCOUNT_ID.eq(ACCOUNT.ID), ACCOUNT_ROLE.ROLE.eq(Role.THERAPIST)));
    }

    TherapistCheck check(long clinicId, long accountId) {
        return dsl.select(field(ACCOUNT.ACTIVE.isTrue().and(isTherapist())))
                .from(ACCOUNT)
                .where(ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ID.eq(accountId))
                .fetchOptional(row -> Boolean.TRUE.equals(row.value1())
                        ? TherapistCheck.THERAPIST
                        : TherapistCheck.NOT_A_THERAPIST)
                .orElse(TherapistCheck.NOT_IN_CLINIC);
    }

    /**
     * Whether the couple is of this clinic; locks it, so that two admins assigning the same couple at
     * once take turns instead of colliding on the one-primary index.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean lockCouple(long clinicId, long coupleId) {
        return dsl.select(COUPLE.ID).from(COUPLE)
                .where(COUPLE.CLINIC_ID.eq(clinicId), COUPLE.ID.eq(coupleId))
                .forUpdate()
                .fetchOptional()
                .isPresent();
    }

    Optional<Long> primaryOf(long clinicId, long coupleId) {
        return dsl.select(COUPLE_THERAPIST.ACCOUNT_ID).from(COUPLE_THERAPIST)
                .where(COUPLE_THERAPIST.CLINIC_ID.eq(clinicId), COUPLE_THERAPIST.COUPLE_ID.eq(coupleId),
                        COUPLE_THERAPIST.ROLE.eq(TherapistRole.PRIMARY))
                .fetchOptional(COUPLE_THERAPIST.ACCOUNT_ID);
    }

    List<Long> coTherapistsOf(long clinicId, long coupleId) {
        return dsl.select(COUPLE_THERAPIST.ACCOUNT_ID).from(COUPLE_THERAPIST)
                .where(COUPLE_THERAPIST.CLINIC_ID.eq(clinicId), COUPLE_THERAPIST.COUPLE_ID.eq(coupleId),
                        COUPLE_THERAPIST.ROLE.eq(TherapistRole.CO_THERAPIST))
                .orderBy(COUPLE_THERAPIST.ASSIGNED_AT, COUPLE_THERAPIST.ACCOUNT_ID)
                .fetch(COUPLE_THERAPIST.ACCOUNT_ID);
    }

    /** Makes the account the couple's primary therapist; the former primary, and the account's co-therapist row, go. */
    @Transactional(propagation = Propagation.MANDATORY)
    void replacePrimary(long clinicId, long coupleId, long accountId) {
        dsl.deleteFrom(COUPLE_THERAPIST)
                .where(COUPLE_THERAPIST.CLINIC_ID.eq(clinicId), COUPLE_THERAPIST.COUPLE_ID.eq(coupleId),
                        COUPLE_THERAPIST.ROLE.eq(TherapistRole.PRIMARY).or(COUPLE_THERAPIST.ACCOUNT_ID.eq(accountId)))
                .execute();
        insert(clinicId, coupleId, accountId, TherapistRole.PRIMARY);
    }

    /** Replaces every co-therapist of the couple by this one, or by none. */
    @Transactional(propagation = Propagation.MANDATORY)
    void replaceCoTherapist(long clinicId, long coupleId, @Nullable Long accountId) {
        dsl.deleteFrom(COUPLE_THERAPIST)
                .where(COUPLE_THERAPIST.CLINIC_ID.eq(clinicId), COUPLE_THERAPIST.COUPLE_ID.eq(coupleId),
                        COUPLE_THERAPIST.ROLE.eq(TherapistRole.CO_THERAPIST))
                .execute();
        if (accountId != null) {
            insert(clinicId, coupleId, accountId, TherapistRole.CO_THERAPIST);
        }
    }

    private void insert(long clinicId, long coupleId, long accountId, TherapistRole role) {
        dsl.insertInto(COUPLE_THERAPIST)
                .set(COUPLE_THERAPIST.ASSIGNED_AT, OffsetDateTime.now(clock))
                .set(COUPLE_THERAPIST.CLINIC_ID, clinicId)
                .set(COUPLE_THERAPIST.COUPLE_ID, coupleId)
                .set(COUPLE_THERAPIST.ACCOUNT_ID, accountId)
                .set(COUPLE_THERAPIST.ROLE, role)
                .execute();
    }
}
