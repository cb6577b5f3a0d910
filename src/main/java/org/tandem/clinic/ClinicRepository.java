package org.tandem.clinic;

import static org.tandem.jooq.Tables.CLINIC;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class ClinicRepository {

    private final DSLContext dsl;
    private final Clock clock;

    ClinicRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    boolean anyClinicExists() {
        return dsl.fetchExists(CLINIC);
    }

    /** Serialises concurrent first-run setups, so that only one of them creates a clinic. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lockForSetup() {
        dsl.execute("lock table clinic in share row exclusive mode");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insert(String name, @org.jspecify.annotations.Nullable String timeZone) {
        return dsl.insertInto(CLINIC).set(CLINIC.NAME, name).set(CLINIC.TIME_ZONE, timeZone)
                .set(CLINIC.CREATED_AT, OffsetDateTime.now(clock))
                .returning(CLINIC.ID).fetchSingle().getId();
    }

    /** The clinic's own time zone as stored, or null (the installation's; also for a clinic that does not exist). */
    @org.jspecify.annotations.Nullable String timeZone(long clinicId) {
        return dsl.select(CLINIC.TIME_ZONE).from(CLINIC).where(CLINIC.ID.eq(clinicId))
                .fetchOptional(CLINIC.TIME_ZONE).orElse(null);
    }

    ClinicPolicies policies(long clinicId) {
        return dsl.select(CLINIC.NAME, CLINIC.NO_SECRETS, CLINIC.VERSION).from(CLINIC).where(CLINIC.ID.eq(clinicId))
                .fetchSingle(Records.mapping(ClinicPolicies::new));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    boolean updatePolicies(long clinicId, int expectedVersion, boolean noSecrets) {
        return dsl.update(CLINIC)
                .set(CLINIC.NO_SECRETS, noSecrets)
                .set(CLINIC.VERSION, CLINIC.VERSION.plus(1))
                .where(CLINIC.ID.eq(clinicId), CLINIC.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    @org.jspecify.annotations.Nullable Integer idleTimeoutMinutes(long clinicId) {
        return dsl.select(CLINIC.IDLE_TIMEOUT_MINUTES).from(CLINIC).where(CLINIC.ID.eq(clinicId))
                .fetchOptional(CLINIC.IDLE_TIMEOUT_MINUTES).orElse(null);
    }

    @org.jspecify.annotations.Nullable Integer invitationValidDays(long clinicId) {
        return dsl.select(CLINIC.INVITATION_VALID_DAYS).from(CLINIC).where(CLINIC.ID.eq(clinicId))
                .fetchOptional(CLINIC.INVITATION_VALID_DAYS).orElse(null);
    }

    /** The name and the clinic's own limits (null where it has set none) and the version, mapped by the caller. */
    <T> T profile(long clinicId, org.jooq.Function5<String, Integer, Integer, String, Integer, T> mapping) {
        return dsl.select(CLINIC.NAME, CLINIC.IDLE_TIMEOUT_MINUTES, CLINIC.INVITATION_VALID_DAYS, CLINIC.TIME_ZONE,
                        CLINIC.VERSION)
                .from(CLINIC).where(CLINIC.ID.eq(clinicId))
                .fetchSingle(Records.mapping(mapping));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    boolean updateProfile(long clinicId, int expectedVersion, ClinicProfile profile) {
        return dsl.update(CLINIC)
                .set(CLINIC.NAME, profile.clinicName())
                .set(CLINIC.IDLE_TIMEOUT_MINUTES, profile.idleTimeoutMinutes())
                .set(CLINIC.INVITATION_VALID_DAYS, profile.invitationValidDays())
                .set(CLINIC.TIME_ZONE, profile.timeZone())
                .set(CLINIC.VERSION, CLINIC.VERSION.plus(1))
                .where(CLINIC.ID.eq(clinicId), CLINIC.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    SecondFactorPolicy secondFactorPolicy(long clinicId) {
        return dsl.select(CLINIC.SECOND_FACTOR_REQUIRED, CLINIC.VERSION).from(CLINIC).where(CLINIC.ID.eq(clinicId))
                .fetchSingle(Records.mapping(SecondFactorPolicy::new));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    boolean updateSecondFactorPolicy(long clinicId, int expectedVersion, boolean requiredForStaff) {
        return updateOneSetting(clinicId, expectedVersion, CLINIC.SECOND_FACTOR_REQUIRED, requiredForStaff);
    }

    CalendarNamesSetting calendarNames(long clinicId) {
        return dsl.select(CLINIC.CALENDAR_NAMES, CLINIC.VERSION).from(CLINIC).where(CLINIC.ID.eq(clinicId))
                .fetchSingle(Records.mapping(CalendarNamesSetting::new));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    boolean updateCalendarNames(long clinicId, int expectedVersion, CalendarNames names) {
        return updateOneSetting(clinicId, expectedVersion, CLINIC.CALENDAR_NAMES, names);
    }

    /** One setting of the clinic, saved only over the version it was read at; false when someone saved meanwhile. */
    private <T> boolean updateOneSetting(long clinicId, int expectedVersion, Field<T> setting, T value) {
        return dsl.update(CLINIC)
                .set(setting, value)
                .set(CLINIC.VERSION, CLINIC.VERSION.plus(1))
                .where(CLINIC.ID.eq(clinicId), CLINIC.VERSION.eq(expectedVersion))
                .execute() == 1;
    }
}
