package org.tandem.couples;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.tandem.database.MultisetTime.micros;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.splitPart;
import static org.tandem.database.RenderedOnce.value;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.COUPLE_STATUS_CHANGE;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.SortField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.TandemUser;
import org.tandem.database.MultisetTime;
import org.tandem.database.GenericPlan;
import org.tandem.database.RenderedOnce;
import org.tandem.jooq.tables.Partner;

@Repository
class CoupleRepository {

    /**
     * couple_session belongs to sessions, a feature above this one: its typed status and modality would make couples
     * import sessions' enums and close a cycle, so the couple's own pages read them as the text they are stored as.
     */
    private static final Field<String> SESSION_STATUS = COUPLE_SESSION.STATUS.coerce(String.class);
    private static final Field<String> SESSION_MODALITY = COUPLE_SESSION.MODALITY.coerce(String.class);

    /** The primary therapist first, then the co-therapists. */
    private static final SortField<Integer> PRIMARY_FIRST = COUPLE_THERAPIST.ROLE.sortAsc(TherapistRole.values());

    private final DSLContext dsl;
    private final Clock clock;

    CoupleRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    boolean isTherapistOf(long clinicId, long coupleId, long accountId) {
        return Boolean.TRUE.equals(therapistOf.select(dsl, value(CLINIC_ID, clinicId), value(COUPLE_ID, coupleId),
                value(THERAPIST_ID, accountId)).fetchSingle().get(0, Boolean.class));
    }

    /** Asked before every read of a couple's data: rendered once (RenderedOnce). */
    private final RenderedOnce therapistOf = RenderedOnce.of(dsl -> dsl.select(field(exists(selectOne()
            .from(COUPLE_THERAPIST)
            .where(COUPLE_THERAPIST.CLINIC_ID.eq(THE_CLINIC), COUPLE_THERAPIST.COUPLE_ID.eq(COUPLE_ID),
                    COUPLE_THERAPIST.ACCOUNT_ID.eq(THERAPIST_ID))))));

    /**
     * The couple is on this therapist's caseload (primary or co-therapist): the ownership check of
     * {@link CoupleAccess#requireTherapistOf} as a condition on {@code COUPLE}, for a read that checks it itself.
     */
    static Condition onCaseloadOf(Field<Long> accountId) {
        return exists(selectOne().from(COUPLE_THERAPIST).where(COUPLE_THERAPIST.CLINIC_ID.eq(COUPLE.CLINIC_ID),
                COUPLE_THERAPIST.COUPLE_ID.eq(COUPLE.ID), COUPLE_THERAPIST.ACCOUNT_ID.eq(accountId)));
    }

    /**
     * Both partners' names and the status, for the heading of every tab of a couple's page: nothing unless the couple
     * is on this therapist's caseload.
     */
    Optional<CoupleHeading> heading(long clinicId, long coupleId, long therapistId) {
        return heading.select(dsl, value(CLINIC_ID, clinicId), value(COUPLE_ID, coupleId),
                        value(THERAPIST_ID, therapistId))
                .fetchOptional(row -> new CoupleHeading(row.get(COUPLE.ID), row.get(ONE.FULL_NAME),
                        row.get(TWO.FULL_NAME), row.get(COUPLE.STATUS)));
    }

    // The heading and the Overview's facts are read with every tab of a couple's page: rendered once (RenderedOnce).
    private static final Param<Long> CLINIC_ID = param("clinic", Long.class);
    /** The clinic as one couple's reads name it, so that they keep one plan (GenericPlan). */
    private static final Field<Long> THE_CLINIC = GenericPlan.clinic(CLINIC_ID);
    private static final Param<Long> COUPLE_ID = param("couple", Long.class);
    private static final Param<Long> THERAPIST_ID = param("therapist", Long.class);
    private static final Param<OffsetDateTime> NOW = param("now", COUPLE_SESSION.STARTS_AT.getDataType());
    private static final Partner ONE = PARTNER.as("partner_one");
    private static final Partner TWO = PARTNER.as("partner_two");

    private final RenderedOnce heading = RenderedOnce.of(dsl -> dsl
            .select(COUPLE.ID, ONE.FULL_NAME, TWO.FULL_NAME, COUPLE.STATUS)
            .from(COUPLE)
            .join(ONE).on(ONE.COUPLE_ID.eq(COUPLE.ID), ONE.POSITION.eq((short) 1))
            .join(TWO).on(TWO.COUPLE_ID.eq(COUPLE.ID), TWO.POSITION.eq((short) 2))
            .where(COUPLE.CLINIC_ID.eq(THE_CLINIC), COUPLE.ID.eq(COUPLE_ID), onCaseloadOf(THERAPIST_ID)));

    /** The couple that this CLIENT account is a partner of, within their clinic. */
    Optional<MyCouple> coupleOfPartner(long clinicId, long accountId) {
        return myCouple.select(dsl, value(CLINIC_ID, clinicId), value(PARTNER_ACCOUNT_ID, accountId))
                .fetchOptional(row -> new MyCouple(row.get(ME.COUPLE_ID), row.get(MY_NAME), row.get(PARTNERS_NAME),
                        row.get(MY_THERAPISTS)));
    }

    // Read with every page of the client portal: rendered once (RenderedOnce).
    private static final Param<Long> PARTNER_ACCOUNT_ID = param("account", Long.class);
    private static final Partner ME = PARTNER.as("me");
    private static final Partner OTHER = PARTNER.as("other");
    /** Greeted by first name, as the invitation's accept page does: the preferred name, else the full name's first word. */
    private static final Field<String> MY_NAME = coalesce(ME.PREFERRED_NAME, splitPart(ME.FULL_NAME, " ", 1))
            .as("my_name");
    private static final Field<String> PARTNERS_NAME = coalesce(OTHER.PREFERRED_NAME, OTHER.FULL_NAME)
            .as("partners_name");
    private static final Field<List<String>> MY_THERAPISTS = multiset(select(ACCOUNT.DISPLAY_NAME)
                    .from(COUPLE_THERAPIST)
                    .join(ACCOUNT).on(ACCOUNT.ID.eq(COUPLE_THERAPIST.ACCOUNT_ID))
                    .where(COUPLE_THERAPIST.COUPLE_ID.eq(ME.COUPLE_ID))
                    .orderBy(PRIMARY_FIRST, ACCOUNT.DISPLAY_NAME))
            .convertFrom(rows -> rows.map(Record1::value1)).as("therapists");

    private final RenderedOnce myCouple = RenderedOnce.of(dsl -> dsl
            .select(ME.COUPLE_ID, MY_NAME, PARTNERS_NAME, MY_THERAPISTS)
            .from(ME)
            .leftJoin(OTHER).on(OTHER.COUPLE_ID.eq(ME.COUPLE_ID), OTHER.ID.ne(ME.ID))
            .where(ME.CLINIC_ID.eq(THE_CLINIC), ME.ACCOUNT_ID.eq(PARTNER_ACCOUNT_ID)));

    /** The couple and partner row that this account is linked to, within its clinic. */
    Optional<SignedInPartner> partnerOf(TandemUser user) {
        return dsl.select(PARTNER.COUPLE_ID, PARTNER.ID)
                .from(PARTNER)
                .where(PARTNER.CLINIC_ID.eq(user.clinicId()), PARTNER.ACCOUNT_ID.eq(user.accountId()))
                .fetchOptional(row -> new SignedInPartner(user, row.value1(), row.value2()));
    }

    /** A session of this couple that is still to come: SCHEDULED and starting {@code now} or later. */
    private static Condition upcomingSessionOf(Field<Long> clinicId, Field<Long> coupleId, Field<OffsetDateTime> now) {
        return COUPLE_SESSION.CLINIC_ID.eq(clinicId).and(COUPLE_SESSION.COUPLE_ID.eq(coupleId))
                .and(SESSION_STATUS.eq("SCHEDULED"))
                .and(COUPLE_SESSION.STARTS_AT.ge(now));
    }

    /**
     * The couple's next session: its earliest SCHEDULED {@code couple_session} that starts now or later
     * or null. A correlated subquery on the couple id, so that any query of this package
     * (overview, caseload, a partner's workbook) can select it as one column without another round trip;
     * served by the index {@code couple_session (clinic_id, couple_id, starts_at)}.
     */
    static Field<@Nullable NextSession> nextSession(Field<Long> clinicId, Field<Long> coupleId,
            Field<OffsetDateTime> now) {
        return multiset(select(COUPLE_SESSION.ID, micros(COUPLE_SESSION.STARTS_AT), COUPLE_SESSION.DURATION_MINUTES,
                                SESSION_MODALITY)
                        .from(COUPLE_SESSION)
                        .where(upcomingSessionOf(clinicId, coupleId, now))
                        .orderBy(COUPLE_SESSION.STARTS_AT, COUPLE_SESSION.ID)
                        .limit(1))
                .convertFrom(rows -> rows.map(row -> new NextSession(row.value1(), utc(row.value2()), row.value3(),
                        row.value4())).stream().findFirst().orElse(null));
    }

    /** A time read from a multiset as microseconds ({@link MultisetTime}), at UTC: the screens show its instant. */
    private static OffsetDateTime utc(Long micros) {
        return OffsetDateTime.ofInstant(java.util.Objects.requireNonNull(MultisetTime.instant(micros)), ZoneOffset.UTC);
    }

    Optional<CoupleOverview> overview(long clinicId, long coupleId, long therapistId, OffsetDateTime now) {
        return overview.select(dsl, value(CLINIC_ID, clinicId), value(COUPLE_ID, coupleId),
                        value(THERAPIST_ID, therapistId), value(NOW, now))
                .fetchOptional(row -> {
                    String @Nullable [] concerns = row.get(COUPLE.PRESENTING_CONCERNS);
                    return new CoupleOverview(row.get(COUPLE.ID), row.get(COUPLE.VERSION),
                            new CoupleData(row.get(PARTNER_ONE), row.get(PARTNER_TWO), row.get(COUPLE.TOGETHER_SINCE),
                                    LivingTogether.of(row.get(COUPLE.LIVING_TOGETHER)),
                                    concerns == null ? List.of() : Arrays.asList(concerns), row.get(COUPLE.STATUS)),
                            row.get(THERAPISTS), row.get(STATUS_HISTORY), row.get(NEXT_SESSION));
                });
    }

    private static final Field<PartnerData> PARTNER_ONE =
            field(row(ONE.FULL_NAME, ONE.PREFERRED_NAME, ONE.PRONOUNS, ONE.EMAIL)).convertFrom(
                    Records.mapping(PartnerData::new));
    private static final Field<PartnerData> PARTNER_TWO =
            field(row(TWO.FULL_NAME, TWO.PREFERRED_NAME, TWO.PRONOUNS, TWO.EMAIL)).convertFrom(
                    Records.mapping(PartnerData::new));
    private static final Field<List<AssignedTherapist>> THERAPISTS = multiset(
            select(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME, field(COUPLE_THERAPIST.ROLE.eq(TherapistRole.PRIMARY)))
                    .from(COUPLE_THERAPIST)
                    .join(ACCOUNT).on(ACCOUNT.ID.eq(COUPLE_THERAPIST.ACCOUNT_ID),
                            ACCOUNT.CLINIC_ID.eq(COUPLE_THERAPIST.CLINIC_ID))
                    .where(COUPLE_THERAPIST.CLINIC_ID.eq(COUPLE.CLINIC_ID), COUPLE_THERAPIST.COUPLE_ID.eq(COUPLE.ID))
                    .orderBy(PRIMARY_FIRST, ACCOUNT.DISPLAY_NAME))
            .convertFrom(rows -> rows.map(Records.mapping(AssignedTherapist::new)));
    private static final Field<List<StatusChange>> STATUS_HISTORY = multiset(
            select(COUPLE_STATUS_CHANGE.FROM_STATUS, COUPLE_STATUS_CHANGE.TO_STATUS, ACCOUNT.DISPLAY_NAME,
                    micros(COUPLE_STATUS_CHANGE.CHANGED_AT))
                    .from(COUPLE_STATUS_CHANGE)
                    .join(ACCOUNT).on(ACCOUNT.ID.eq(COUPLE_STATUS_CHANGE.CHANGED_BY),
                            ACCOUNT.CLINIC_ID.eq(COUPLE_STATUS_CHANGE.CLINIC_ID))
                    .where(COUPLE_STATUS_CHANGE.CLINIC_ID.eq(COUPLE.CLINIC_ID),
                            COUPLE_STATUS_CHANGE.COUPLE_ID.eq(COUPLE.ID))
                    .orderBy(COUPLE_STATUS_CHANGE.CHANGED_AT.desc(), COUPLE_STATUS_CHANGE.ID.desc()))
            .convertFrom(rows -> rows.map(row -> new StatusChange(row.value1(), row.value2(), row.value3(),
                    utc(row.value4()))));
    private static final Field<@Nullable NextSession> NEXT_SESSION = nextSession(COUPLE.CLINIC_ID, COUPLE.ID, NOW);

    /**
     * Facts, partners, therapists, status history (newest first) and next session of one couple, in one query: nothing
     * unless the couple is on this therapist's caseload.
     */
    private final RenderedOnce overview = RenderedOnce.of(dsl -> dsl
            .select(COUPLE.ID, COUPLE.VERSION, PARTNER_ONE, PARTNER_TWO, COUPLE.TOGETHER_SINCE,
                    COUPLE.LIVING_TOGETHER, COUPLE.PRESENTING_CONCERNS, COUPLE.STATUS, THERAPISTS, STATUS_HISTORY,
                    NEXT_SESSION)
            .from(COUPLE)
            .join(ONE).on(ONE.COUPLE_ID.eq(COUPLE.ID), ONE.CLINIC_ID.eq(COUPLE.CLINIC_ID), ONE.POSITION.eq((short) 1))
            .join(TWO).on(TWO.COUPLE_ID.eq(COUPLE.ID), TWO.CLINIC_ID.eq(COUPLE.CLINIC_ID), TWO.POSITION.eq((short) 2))
            .where(COUPLE.CLINIC_ID.eq(THE_CLINIC), COUPLE.ID.eq(COUPLE_ID), onCaseloadOf(THERAPIST_ID)));

    /** Both partners in position order, with whether each can sign in (a linked, active account). */
    List<PartnerDetails> partners(long clinicId, long coupleId) {
        return dsl.select(PARTNER.ID, PARTNER.POSITION.convertFrom(Short::intValue), PARTNER.FULL_NAME,
                        PARTNER.PREFERRED_NAME, PARTNER.PRONOUNS, PARTNER.EMAIL,
                        field(ACCOUNT.ID.isNotNull().and(ACCOUNT.ACTIVE.isTrue())))
                .from(PARTNER)
                .leftJoin(ACCOUNT).on(ACCOUNT.ID.eq(PARTNER.ACCOUNT_ID), ACCOUNT.CLINIC_ID.eq(PARTNER.CLINIC_ID))
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.COUPLE_ID.eq(coupleId))
                .orderBy(PARTNER.POSITION)
                .fetch(Records.mapping(PartnerDetails::new));
    }

    /**
     * Whether another partner on the therapist's caseload (as primary or co-therapist) uses this e-mail; the partner
     * at (coupleId, position) is not "another". Couples of other therapists are not looked at: a therapist is not
     * told that an address is on a caseload they cannot see (docs/decisions/028-no-e-mail-oracle.md).
     */
    boolean emailOnCaseload(long clinicId, long therapistId, String email, @Nullable Long exceptCoupleId,
            int exceptPosition) {
        Condition notItself = exceptCoupleId == null
                ? noCondition()
                : not(PARTNER.COUPLE_ID.eq(exceptCoupleId).and(PARTNER.POSITION.eq((short) exceptPosition)));
        return dsl.fetchExists(selectOne().from(PARTNER)
                .join(COUPLE_THERAPIST).on(COUPLE_THERAPIST.CLINIC_ID.eq(PARTNER.CLINIC_ID),
                        COUPLE_THERAPIST.COUPLE_ID.eq(PARTNER.COUPLE_ID))
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.EMAIL.eq(email),
                        COUPLE_THERAPIST.ACCOUNT_ID.eq(therapistId), notItself));
    }

    /** The couple's status, only if the couple still has this version. */
    Optional<CoupleStatus> statusAtVersion(long clinicId, long coupleId, int version) {
        return dsl.select(COUPLE.STATUS).from(COUPLE)
                .where(COUPLE.CLINIC_ID.eq(clinicId), COUPLE.ID.eq(coupleId), COUPLE.VERSION.eq(version))
                .fetchOptional(COUPLE.STATUS);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insertCouple(long clinicId, CoupleData data, long createdBy) {
        return dsl.insertInto(COUPLE)
                .set(COUPLE.CREATED_AT, OffsetDateTime.now(clock))
                .set(COUPLE.UPDATED_AT, OffsetDateTime.now(clock))
                .set(COUPLE.CLINIC_ID, clinicId)
                .set(COUPLE.STATUS, data.status())
                .set(COUPLE.TOGETHER_SINCE, data.togetherSince())
                .set(COUPLE.LIVING_TOGETHER, data.livingTogether().asBoolean())
                .set(COUPLE.PRESENTING_CONCERNS, data.presentingConcerns().toArray(String[]::new))
                .set(COUPLE.UPDATED_BY, createdBy)
                .returning(COUPLE.ID)
                .fetchSingle().getId();
    }

    /**
     * A couple that this account created at or after {@code since} with the same two partners (names and e-mails, in
     * order), if any: what a second submit of the same form finds.
     */
    Optional<Long> createdSince(long clinicId, long createdBy, Instant since, PartnerData one, PartnerData two) {
        Partner first = PARTNER.as("first_partner");
        Partner second = PARTNER.as("second_partner");
        return dsl.select(COUPLE.ID).from(COUPLE)
                .join(first).on(first.COUPLE_ID.eq(COUPLE.ID), first.POSITION.eq((short) 1))
                .join(second).on(second.COUPLE_ID.eq(COUPLE.ID), second.POSITION.eq((short) 2))
                .where(COUPLE.CLINIC_ID.eq(clinicId), COUPLE.UPDATED_BY.eq(createdBy), COUPLE.CREATED_AT.ge(since.atOffset(ZoneOffset.UTC)),
                        first.FULL_NAME.eq(one.fullName()), first.EMAIL.isNotDistinctFrom(one.email()),
                        second.FULL_NAME.eq(two.fullName()), second.EMAIL.isNotDistinctFrom(two.email()))
                .orderBy(COUPLE.ID.desc()).limit(1)
                .fetchOptional(COUPLE.ID);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insertPartner(long clinicId, long coupleId, int position, PartnerData partner) {
        dsl.insertInto(PARTNER)
                .set(PARTNER.CLINIC_ID, clinicId)
                .set(PARTNER.COUPLE_ID, coupleId)
                .set(PARTNER.POSITION, (short) position)
                .set(PARTNER.FULL_NAME, partner.fullName())
                .set(PARTNER.PREFERRED_NAME, partner.preferredName())
                .set(PARTNER.PRONOUNS, partner.pronouns())
                .set(PARTNER.EMAIL, partner.email())
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void assignPrimaryTherapist(long clinicId, long coupleId, long accountId) {
        dsl.insertInto(COUPLE_THERAPIST)
                .set(COUPLE_THERAPIST.ASSIGNED_AT, OffsetDateTime.now(clock))
                .set(COUPLE_THERAPIST.CLINIC_ID, clinicId)
                .set(COUPLE_THERAPIST.COUPLE_ID, coupleId)
                .set(COUPLE_THERAPIST.ACCOUNT_ID, accountId)
                .set(COUPLE_THERAPIST.ROLE, TherapistRole.PRIMARY)
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void recordStatusChange(long clinicId, long coupleId, @Nullable CoupleStatus from, CoupleStatus to, long by) {
        dsl.insertInto(COUPLE_STATUS_CHANGE)
                .set(COUPLE_STATUS_CHANGE.CHANGED_AT, OffsetDateTime.now(clock))
                .set(COUPLE_STATUS_CHANGE.CLINIC_ID, clinicId)
                .set(COUPLE_STATUS_CHANGE.COUPLE_ID, coupleId)
                .set(COUPLE_STATUS_CHANGE.FROM_STATUS, from)
                .set(COUPLE_STATUS_CHANGE.TO_STATUS, to)
                .set(COUPLE_STATUS_CHANGE.CHANGED_BY, by)
                .execute();
    }

    /** Writes the facts and status only if the couple still has {@code version}; false when it had moved on. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean updateCouple(long clinicId, long coupleId, int version, CoupleData data, long by) {
        return dsl.update(COUPLE)
                .set(COUPLE.STATUS, data.status())
                .set(COUPLE.TOGETHER_SINCE, data.togetherSince())
                .set(COUPLE.LIVING_TOGETHER, data.livingTogether().asBoolean())
                .set(COUPLE.PRESENTING_CONCERNS, data.presentingConcerns().toArray(String[]::new))
                .set(COUPLE.UPDATED_AT, OffsetDateTime.now(clock))
                .set(COUPLE.UPDATED_BY, by)
                .set(COUPLE.VERSION, COUPLE.VERSION.plus(1))
                .where(COUPLE.CLINIC_ID.eq(clinicId), COUPLE.ID.eq(coupleId), COUPLE.VERSION.eq(version))
                .execute() == 1;
    }

    /** Partners are edited through their couple, whose version guards them both. */
    @Transactional(propagation = Propagation.MANDATORY)
    void updatePartner(long clinicId, long coupleId, int position, PartnerData partner) {
        dsl.update(PARTNER)
                .set(PARTNER.FULL_NAME, partner.fullName())
                .set(PARTNER.PREFERRED_NAME, partner.preferredName())
                .set(PARTNER.PRONOUNS, partner.pronouns())
                .set(PARTNER.EMAIL, partner.email())
                .set(PARTNER.VERSION, PARTNER.VERSION.plus(1))
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.COUPLE_ID.eq(coupleId),
                        PARTNER.POSITION.eq((short) position))
                .execute();
    }
}
