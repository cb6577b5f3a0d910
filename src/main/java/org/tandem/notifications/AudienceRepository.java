package org.tandem.notifications;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.selectOne;
import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;
import static org.tandem.jooq.Tables.MODULE_VERSION;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.tandem.sessions.SessionStatus;

/** Who takes part in a couple's care, and the little a notification names (a module's title, a session's time). */
@Repository
class AudienceRepository {

    /** balance.md: a session's check-in opens 48 hours before it. */
    static final Duration CHECK_IN_OPENS_BEFORE_SESSION = Duration.ofHours(48);

    /** A partner of the couple; {@code accountId} null while they have not been invited or have not accepted. */
    record PartnerAccount(long partnerId, @Nullable Long accountId) {}

    /** A check-in a partner may answer now: before a session ({@code sessionId}) or requested ({@code checkInId}). */
    record OpenCheckIn(long coupleId, long partnerId, long accountId, @Nullable Long sessionId,
            @Nullable Long checkInId) {}

    private final DSLContext dsl;

    AudienceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<PartnerAccount> partners(long clinicId, long coupleId) {
        return dsl.select(PARTNER.ID, PARTNER.ACCOUNT_ID).from(PARTNER)
                .where(PARTNER.CLINIC_ID.eq(clinicId), PARTNER.COUPLE_ID.eq(coupleId))
                .orderBy(PARTNER.POSITION)
                .fetch(r -> new PartnerAccount(r.value1(), r.value2()));
    }

    /** The couple's therapists now: its primary and its co-therapist. */
    List<Long> therapists(long clinicId, long coupleId) {
        return dsl.select(COUPLE_THERAPIST.ACCOUNT_ID).from(COUPLE_THERAPIST)
                .where(COUPLE_THERAPIST.CLINIC_ID.eq(clinicId), COUPLE_THERAPIST.COUPLE_ID.eq(coupleId))
                .orderBy(COUPLE_THERAPIST.ROLE.desc(), COUPLE_THERAPIST.ACCOUNT_ID)
                .fetch(COUPLE_THERAPIST.ACCOUNT_ID);
    }

    Optional<String> moduleTitle(long clinicId, long assignmentId) {
        return dsl.select(MODULE_VERSION.TITLE).from(MODULE_ASSIGNMENT)
                .join(MODULE_VERSION).on(MODULE_VERSION.ID.eq(MODULE_ASSIGNMENT.MODULE_VERSION_ID))
                .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(clinicId), MODULE_ASSIGNMENT.ID.eq(assignmentId))
                .fetchOptional(MODULE_VERSION.TITLE);
    }

    Optional<Instant> sessionStart(long clinicId, long sessionId) {
        return dsl.select(COUPLE_SESSION.STARTS_AT).from(COUPLE_SESSION)
                .where(COUPLE_SESSION.CLINIC_ID.eq(clinicId), COUPLE_SESSION.ID.eq(sessionId))
                .fetchOptional(r -> r.value1().toInstant());
    }

    /** The clinics with a check-in open at {@code now}, across every clinic (run in the installation scope). */
    List<Long> clinicsWithOpenCheckIns(Instant now) {
        return dsl.selectDistinct(COUPLE_SESSION.CLINIC_ID).from(COUPLE_SESSION).where(sessionWindowOpen(now))
                .union(dsl.selectDistinct(CHECK_IN.CLINIC_ID).from(CHECK_IN).where(requestedOpen()))
                .fetch(r -> r.value1());
    }

    /**
     * Each partner with an account and a check-in open at {@code now}: one per scheduled session starting within 48
     * hours (unless they already submitted its check-in) and one per open check-in their therapist requested.
     */
    List<OpenCheckIn> openCheckIns(long clinicId, Instant now) {
        return openCheckIns(clinicId, now, DSL.noCondition(), DSL.noCondition());
    }

    /** {@link #openCheckIns(long, Instant)} of one couple's requested check-ins only. */
    List<OpenCheckIn> requestedCheckIns(long clinicId, long coupleId, Instant now) {
        return openCheckIns(clinicId, now, DSL.falseCondition(), CHECK_IN.COUPLE_ID.eq(coupleId));
    }

    private List<OpenCheckIn> openCheckIns(long clinicId, Instant now, Condition sessions, Condition requested) {
        List<OpenCheckIn> open = new ArrayList<>(dsl
                .select(COUPLE_SESSION.COUPLE_ID, PARTNER.ID, PARTNER.ACCOUNT_ID, COUPLE_SESSION.ID)
                .from(COUPLE_SESSION)
                .join(PARTNER).on(PARTNER.CLINIC_ID.eq(COUPLE_SESSION.CLINIC_ID),
                        PARTNER.COUPLE_ID.eq(COUPLE_SESSION.COUPLE_ID))
                .where(COUPLE_SESSION.CLINIC_ID.eq(clinicId), sessions, sessionWindowOpen(now),
                        PARTNER.ACCOUNT_ID.isNotNull(),
                        exists(selectOne().from(CHECK_IN).where(CHECK_IN.CLINIC_ID.eq(COUPLE_SESSION.CLINIC_ID),
                                CHECK_IN.PARTNER_ID.eq(PARTNER.ID), CHECK_IN.SESSION_ID.eq(COUPLE_SESSION.ID),
                                CHECK_IN.SUBMITTED_AT.isNotNull())).not())
                .fetch(r -> new OpenCheckIn(r.value1(), r.value2(), r.value3(), r.value4(), null)));
        open.addAll(dsl.select(CHECK_IN.COUPLE_ID, PARTNER.ID, PARTNER.ACCOUNT_ID, CHECK_IN.ID)
                .from(CHECK_IN)
                .join(PARTNER).on(PARTNER.CLINIC_ID.eq(CHECK_IN.CLINIC_ID), PARTNER.ID.eq(CHECK_IN.PARTNER_ID))
                .where(CHECK_IN.CLINIC_ID.eq(clinicId), requested, requestedOpen(), PARTNER.ACCOUNT_ID.isNotNull())
                .fetch(r -> new OpenCheckIn(r.value1(), r.value2(), r.value3(), null, r.value4())));
        return open;
    }

    private static Condition sessionWindowOpen(Instant now) {
        return COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED)
                .and(COUPLE_SESSION.STARTS_AT.gt(utc(now)))
                .and(COUPLE_SESSION.STARTS_AT.le(utc(now.plus(CHECK_IN_OPENS_BEFORE_SESSION))));
    }

    private static Condition requestedOpen() {
        return CHECK_IN.SESSION_ID.isNull().and(CHECK_IN.REQUESTED_BY.isNotNull()).and(CHECK_IN.SUBMITTED_AT.isNull());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
