package org.tandem.balance;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.selectOne;
import static org.tandem.database.MultisetTime.micros;
import static org.tandem.database.RenderedOnce.value;
import static org.tandem.jooq.Tables.ALERT_ACKNOWLEDGEMENT;
import static org.tandem.jooq.Tables.ASSIGNMENT_WORK;
import static org.tandem.jooq.Tables.BALANCE_SUMMARY;
import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;
import static org.tandem.jooq.Tables.MODULE_VERSION;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.database.MultisetTime;
import org.tandem.database.GenericPlan;
import org.tandem.database.RenderedOnce;
import org.tandem.sessions.SessionStatus;

/** What the alert rules need beyond the check-ins, the acknowledgements, and the caseload's balance summary. */
@Repository
class AlertRepository {

    private final DSLContext dsl;

    AlertRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    record PartnerRow(long partnerId, String name, int position) {}

    record SessionRow(long sessionId, Instant startsAt) {}

    record Acknowledged(AlertKind kind, @Nullable Long partnerId, long subjectId) {}

    /**
     * The couple's partners, every session (to name the session of a divergence), the scheduled sessions still to
     * come with who has checked in within their window, the overdue assignments and the acknowledgements, in one
     * statement.
     */
    record CoupleFacts(List<PartnerRow> partners, List<SessionRow> sessions,
            List<AlertFacts.ScheduledSession> upcoming, List<AlertFacts.OverdueAssignment> overdue,
            List<Acknowledged> acknowledged) {}

    CoupleFacts facts(long clinicId, long coupleId, Instant now, LocalDate today) {
        Record row = facts.select(dsl, value(CLINIC_ID, clinicId), value(COUPLE_ID, coupleId), value(NOW, at(now)),
                value(TODAY, today)).fetchSingle();
        return new CoupleFacts(row.get(PARTNERS), row.get(SESSIONS), row.get(UPCOMING), row.get(OVERDUE),
                row.get(ACKNOWLEDGED));
    }

    // The facts are read with every Overview and every recompute: their statement is rendered once (RenderedOnce).
    private static final Param<Long> CLINIC_ID = param("clinic", Long.class);
    /** The clinic as one couple's reads name it, so that they keep one plan (GenericPlan). */
    private static final Field<Long> THE_CLINIC = GenericPlan.clinic(CLINIC_ID);
    private static final Param<Long> COUPLE_ID = param("couple", Long.class);
    private static final Param<OffsetDateTime> NOW = param("now", COUPLE_SESSION.STARTS_AT.getDataType());
    private static final Param<LocalDate> TODAY = param("today", MODULE_ASSIGNMENT.DUE_ON.getDataType());

    private static final Field<List<PartnerRow>> PARTNERS = multiset(
            select(PARTNER.ID, coalesce(PARTNER.PREFERRED_NAME, PARTNER.FULL_NAME), PARTNER.POSITION)
                    .from(PARTNER)
                    .where(PARTNER.CLINIC_ID.eq(COUPLE.CLINIC_ID), PARTNER.COUPLE_ID.eq(COUPLE.ID))
                    .orderBy(PARTNER.POSITION))
            .convertFrom(r -> r.map(p -> new PartnerRow(p.value1(), p.value2(), p.value3())));
    private static final Field<List<SessionRow>> SESSIONS = multiset(
            select(COUPLE_SESSION.ID, micros(COUPLE_SESSION.STARTS_AT))
                    .from(COUPLE_SESSION)
                    .where(COUPLE_SESSION.CLINIC_ID.eq(COUPLE.CLINIC_ID), COUPLE_SESSION.COUPLE_ID.eq(COUPLE.ID)))
            .convertFrom(r -> r.map(s -> new SessionRow(s.value1(), startsAt(s.value2()))));
    private static final Field<List<AlertFacts.ScheduledSession>> UPCOMING = multiset(
            select(COUPLE_SESSION.ID, micros(COUPLE_SESSION.STARTS_AT), multiset(selectDistinct(CHECK_IN.PARTNER_ID)
                    .from(CHECK_IN)
                    .where(CHECK_IN.CLINIC_ID.eq(COUPLE_SESSION.CLINIC_ID),
                            CHECK_IN.COUPLE_ID.eq(COUPLE_SESSION.COUPLE_ID), CHECK_IN.SUBMITTED_AT.isNotNull(),
                            // the session's own check-in, or one the therapist requested within its 48-hour window
                            CHECK_IN.SESSION_ID.eq(COUPLE_SESSION.ID).or(CHECK_IN.SESSION_ID.isNull()
                                    .and(CHECK_IN.SUBMITTED_AT.ge(field("{0} - interval '48 hours'",
                                            COUPLE_SESSION.STARTS_AT.getDataType(), COUPLE_SESSION.STARTS_AT)))))))
                    .from(COUPLE_SESSION)
                    .where(COUPLE_SESSION.CLINIC_ID.eq(COUPLE.CLINIC_ID), COUPLE_SESSION.COUPLE_ID.eq(COUPLE.ID),
                            COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED), COUPLE_SESSION.STARTS_AT.gt(NOW))
                    .orderBy(COUPLE_SESSION.STARTS_AT))
            .convertFrom(r -> r.map(s -> new AlertFacts.ScheduledSession(s.value1(), startsAt(s.value2()),
                    new HashSet<>(s.value3().getValues(0, Long.class)))));
    private static final Field<List<AlertFacts.OverdueAssignment>> OVERDUE = multiset(
            select(MODULE_ASSIGNMENT.ID, MODULE_VERSION.TITLE, MODULE_ASSIGNMENT.DUE_ON)
                    .from(MODULE_ASSIGNMENT)
                    .join(MODULE_VERSION).on(MODULE_VERSION.ID.eq(MODULE_ASSIGNMENT.MODULE_VERSION_ID))
                    .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(COUPLE.CLINIC_ID), MODULE_ASSIGNMENT.COUPLE_ID.eq(COUPLE.ID),
                            MODULE_ASSIGNMENT.DUE_ON.lt(TODAY),
                            // as on the caseload: not every partner has submitted yet
                            exists(selectOne().from(ASSIGNMENT_WORK)
                                    .where(ASSIGNMENT_WORK.ASSIGNMENT_ID.eq(MODULE_ASSIGNMENT.ID),
                                            ASSIGNMENT_WORK.SUBMITTED_AT.isNull())))
                    .orderBy(MODULE_ASSIGNMENT.DUE_ON, MODULE_ASSIGNMENT.ID))
            .convertFrom(r -> r.map(a -> new AlertFacts.OverdueAssignment(a.value1(), a.value2(), a.value3())));
    private static final Field<List<Acknowledged>> ACKNOWLEDGED = multiset(
            select(ALERT_ACKNOWLEDGEMENT.KIND, ALERT_ACKNOWLEDGEMENT.PARTNER_ID, ALERT_ACKNOWLEDGEMENT.SUBJECT_ID)
                    .from(ALERT_ACKNOWLEDGEMENT)
                    .where(ALERT_ACKNOWLEDGEMENT.CLINIC_ID.eq(COUPLE.CLINIC_ID),
                            ALERT_ACKNOWLEDGEMENT.COUPLE_ID.eq(COUPLE.ID)))
            .convertFrom(r -> r.map(a -> new Acknowledged(a.value1(), a.value2(), a.value3())));

    private static Instant startsAt(@Nullable Long micros) {
        return Objects.requireNonNull(MultisetTime.instant(micros), "a session starts at a time");
    }

    private final RenderedOnce facts = RenderedOnce.of(dsl -> dsl
            .select(PARTNERS, SESSIONS, UPCOMING, OVERDUE, ACKNOWLEDGED)
            .from(COUPLE)
            .where(COUPLE.CLINIC_ID.eq(THE_CLINIC), COUPLE.ID.eq(COUPLE_ID)));

    /** Records the acknowledgement once; acknowledging the same alert again changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    void acknowledge(long clinicId, long coupleId, Alert alert, long accountId, Instant now) {
        dsl.insertInto(ALERT_ACKNOWLEDGEMENT)
                .set(ALERT_ACKNOWLEDGEMENT.CLINIC_ID, clinicId)
                .set(ALERT_ACKNOWLEDGEMENT.COUPLE_ID, coupleId)
                .set(ALERT_ACKNOWLEDGEMENT.KIND, alert.kind())
                .set(ALERT_ACKNOWLEDGEMENT.PARTNER_ID, alert.partnerId())
                .set(ALERT_ACKNOWLEDGEMENT.SUBJECT_ID, alert.subjectId())
                .set(ALERT_ACKNOWLEDGEMENT.ACKNOWLEDGED_BY, accountId)
                .set(ALERT_ACKNOWLEDGEMENT.ACKNOWLEDGED_AT, at(now))
                .onConflictDoNothing()
                .execute();
    }

    /** One partner's figures for the caseload chip and arrow. */
    record PartnerSummary(@Nullable Zone zone, @Nullable Trend trend) {
        static final PartnerSummary NONE = new PartnerSummary(null, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void saveSummary(long clinicId, long coupleId, PartnerSummary one, PartnerSummary two, int alerts, Instant now) {
        var summary = dsl.newRecord(BALANCE_SUMMARY);
        summary.setClinicId(clinicId);
        summary.setCoupleId(coupleId);
        summary.setPartnerOneZone(one.zone());
        summary.setPartnerOneTrend(one.trend());
        summary.setPartnerTwoZone(two.zone());
        summary.setPartnerTwoTrend(two.trend());
        summary.setAlerts(alerts);
        summary.setRefreshedAt(at(now));
        dsl.insertInto(BALANCE_SUMMARY)
                .set(summary)
                .onConflict(BALANCE_SUMMARY.COUPLE_ID).doUpdate()
                .set(summary)
                .execute();
    }

    record CoupleRef(long clinicId, long coupleId) {}

    List<Long> couples(long clinicId) {
        return dsl.select(COUPLE.ID).from(COUPLE).where(COUPLE.CLINIC_ID.eq(clinicId)).orderBy(COUPLE.ID).fetch(COUPLE.ID);
    }

    List<Long> clinics() {
        return dsl.select(CLINIC.ID).from(CLINIC).orderBy(CLINIC.ID).fetch(CLINIC.ID);
    }

    /**
     * The couples whose time-based alerts may have changed since the last sweep: a scheduled session whose
     * check-in window opens or that starts around now, an assignment that fell due, or an open alert.
     */
    /** {@code earliestToday} and {@code latestToday}: today in the zones furthest behind and ahead. */
    List<CoupleRef> timeSensitive(Instant now, LocalDate earliestToday, LocalDate latestToday) {
        return dsl.selectDistinct(COUPLE_SESSION.CLINIC_ID, COUPLE_SESSION.COUPLE_ID).from(COUPLE_SESSION)
                .where(COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED),
                        COUPLE_SESSION.STARTS_AT.between(at(now.minus(Duration.ofDays(1))),
                                at(now.plus(Alerts.CHECK_IN_WINDOW).plus(Duration.ofDays(1)))))
                .union(selectDistinct(MODULE_ASSIGNMENT.CLINIC_ID, MODULE_ASSIGNMENT.COUPLE_ID).from(MODULE_ASSIGNMENT)
                        .where(MODULE_ASSIGNMENT.DUE_ON.between(earliestToday.minusDays(2), latestToday)))
                // an open alert may have ended (an overdue module finished, a window closed)
                .union(select(BALANCE_SUMMARY.CLINIC_ID, BALANCE_SUMMARY.COUPLE_ID).from(BALANCE_SUMMARY)
                        .where(BALANCE_SUMMARY.ALERTS.gt(0)))
                .fetch(r -> new CoupleRef(r.value1(), r.value2()));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
