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
import static org.tandem.jooq.Tables.COUPLE_THERAPIST_PERIOD;
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
import org.jooq.impl.DSL;
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

    boolean coupleOfClinic(long clinicId, long coupleId) {
        return dsl.fetchExists(COUPLE, COUPLE.CLINIC_ID.eq(clinicId), COUPLE.ID.eq(coupleId));
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

    /**
     * Makes the account the couple's primary therapist; the former primary, and the account's co-therapist row, go
     * (into the history, ended by {@code admin}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void replacePrimary(long clinicId, long coupleId, long accountId, long admin) {
        end(clinicId, admin, COUPLE_THERAPIST.COUPLE_ID.eq(coupleId),
                COUPLE_THERAPIST.ROLE.eq(TherapistRole.PRIMARY).or(COUPLE_THERAPIST.ACCOUNT_ID.eq(accountId)));
        insert(clinicId, coupleId, accountId, TherapistRole.PRIMARY);
    }

    /** Replaces every co-therapist of the couple by this one, or by none; the former ones go into the history. */
    @Transactional(propagation = Propagation.MANDATORY)
    void replaceCoTherapist(long clinicId, long coupleId, @Nullable Long accountId, long admin) {
        end(clinicId, admin, COUPLE_THERAPIST.COUPLE_ID.eq(coupleId),
                COUPLE_THERAPIST.ROLE.eq(TherapistRole.CO_THERAPIST));
        if (accountId != null) {
            insert(clinicId, coupleId, accountId, TherapistRole.CO_THERAPIST);
        }
    }

    /** Ends these assignments: each leaves couple_therapist for couple_therapist_period, stamped now and by whom. */
    private void end(long clinicId, long endedBy, Condition... which) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (var gone : dsl.deleteFrom(COUPLE_THERAPIST)
                .where(DSL.and(which).and(COUPLE_THERAPIST.CLINIC_ID.eq(clinicId)))
                .returning()
                .fetch()) {
            dsl.insertInto(COUPLE_THERAPIST_PERIOD)
                    .set(COUPLE_THERAPIST_PERIOD.CLINIC_ID, clinicId)
                    .set(COUPLE_THERAPIST_PERIOD.COUPLE_ID, gone.getCoupleId())
                    .set(COUPLE_THERAPIST_PERIOD.ACCOUNT_ID, gone.getAccountId())
                    .set(COUPLE_THERAPIST_PERIOD.ROLE, gone.getRole())
                    .set(COUPLE_THERAPIST_PERIOD.ASSIGNED_AT, gone.getAssignedAt())
                    .set(COUPLE_THERAPIST_PERIOD.ENDED_AT, now.isBefore(gone.getAssignedAt()) ? gone.getAssignedAt() : now)
                    .set(COUPLE_THERAPIST_PERIOD.ENDED_BY, endedBy)
                    .execute();
        }
    }

    /** Whether the account is of this clinic, whatever its roles and state. */
    boolean accountInClinic(long clinicId, long accountId) {
        return dsl.fetchExists(ACCOUNT, ACCOUNT.CLINIC_ID.eq(clinicId), ACCOUNT.ID.eq(accountId));
    }

    /** The couples this account works with, as primary or co-therapist, by the first partner's name. */
    List<TherapistCouple> couplesOf(long clinicId, long accountId) {
        CoupleTherapist mine = COUPLE_THERAPIST.as("mine");
        return dsl.select(COUPLE.ID, ONE.FULL_NAME, TWO.FULL_NAME, COUPLE.STATUS, mine.ROLE)
                .from(tables())
                .join(mine).on(mine.COUPLE_ID.eq(COUPLE.ID), mine.CLINIC_ID.eq(COUPLE.CLINIC_ID))
                .where(COUPLE.CLINIC_ID.eq(clinicId), mine.ACCOUNT_ID.eq(accountId))
                .orderBy(lower(ONE.FULL_NAME), COUPLE.ID)
                .fetch(Records.mapping(TherapistCouple::new));
    }

    /** How this account works with the couple now, if at all. */
    Optional<TherapistRole> roleOf(long clinicId, long coupleId, long accountId) {
        return dsl.select(COUPLE_THERAPIST.ROLE).from(COUPLE_THERAPIST)
                .where(COUPLE_THERAPIST.CLINIC_ID.eq(clinicId), COUPLE_THERAPIST.COUPLE_ID.eq(coupleId),
                        COUPLE_THERAPIST.ACCOUNT_ID.eq(accountId))
                .fetchOptional(COUPLE_THERAPIST.ROLE);
    }

    /** Who has worked with the couple: the current assignments (open) and the ended ones, earliest first. */
    List<AssignmentPeriod> history(long clinicId, long coupleId) {
        var current = dsl.select(COUPLE_THERAPIST.ACCOUNT_ID, ACCOUNT.DISPLAY_NAME, COUPLE_THERAPIST.ROLE,
                        COUPLE_THERAPIST.ASSIGNED_AT, DSL.inline((OffsetDateTime) null).as("ended_at"))
                .from(COUPLE_THERAPIST).join(ACCOUNT).on(ACCOUNT.ID.eq(COUPLE_THERAPIST.ACCOUNT_ID))
                .where(COUPLE_THERAPIST.CLINIC_ID.eq(clinicId), COUPLE_THERAPIST.COUPLE_ID.eq(coupleId));
        var ended = dsl.select(COUPLE_THERAPIST_PERIOD.ACCOUNT_ID, ACCOUNT.DISPLAY_NAME, COUPLE_THERAPIST_PERIOD.ROLE,
                        COUPLE_THERAPIST_PERIOD.ASSIGNED_AT, COUPLE_THERAPIST_PERIOD.ENDED_AT)
                .from(COUPLE_THERAPIST_PERIOD).join(ACCOUNT).on(ACCOUNT.ID.eq(COUPLE_THERAPIST_PERIOD.ACCOUNT_ID))
                .where(COUPLE_THERAPIST_PERIOD.CLINIC_ID.eq(clinicId), COUPLE_THERAPIST_PERIOD.COUPLE_ID.eq(coupleId));
        return ended.unionAll(current)
                .orderBy(DSL.field("assigned_at").asc(), DSL.field("ended_at").asc().nullsLast())
                .fetch(row -> new AssignmentPeriod(row.value1(), row.value2(), row.value3(),
                        row.value4().toInstant(), row.value5() == null ? null : row.value5().toInstant()));
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
