package org.tandem.clinic;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tandem.accounts.ClinicTimes;
import org.tandem.accounts.CurrentUser;
import org.tandem.database.InstanceChannel;

/**
 * "Now" and a clinic's time zone. "Now" comes from the application's one {@link Clock} (see
 * {@link ClockConfiguration}); the zone is the clinic's own ({@code clinic.time_zone}, set in Clinic settings) or,
 * while it has set none, the clock's zone: the installation's {@code tandem.time-zone}. Dates and times are entered
 * and shown in the clinic's zone, "today" for due dates means today there (docs/decisions/014-time.md).
 *
 * <p>The methods without a clinic answer for the signed-in person's clinic (the installation's zone for nobody);
 * work that runs for a clinic with nobody signed in (a sweep, the demo loader, a page opened from a link) names the
 * clinic.
 */
@Component
public class ClinicTime implements ClinicTimes {

    private static final Logger log = LoggerFactory.getLogger(ClinicTime.class);

    private final Clock clock;
    private final @Nullable ClinicRepository clinics;
    /** Each clinic's stored zone (empty: none, follow the clock's), read on nearly every screen; see {@link #forget}. */
    private final Map<Long, Optional<ZoneId>> stored = new ConcurrentHashMap<>();

    private final @Nullable InstanceChannel channel;

    static final String FORGET = "clinic-zone";

    @Autowired
    ClinicTime(Clock clock, ClinicRepository clinics, InstanceChannel channel) {
        this.clock = clock;
        this.clinics = clinics;
        this.channel = channel;
        // another instance changed a clinic's zone: its cached one here is stale from that commit on
        channel.subscribe(FORGET, clinicId -> stored.remove(Long.parseLong(clinicId)));
    }

    /** Without the database, for tests of pure formatting: every clinic follows the clock's zone. */
    public ClinicTime(Clock clock) {
        this.clock = clock;
        this.clinics = null;
        this.channel = null;
    }

    /** The signed-in person's clinic's zone; the installation's when nobody is signed in. */
    public ZoneId zone() {
        return CurrentUser.find().map(user -> zone(user.clinicId())).orElseGet(clock::getZone);
    }

    /**
     * The clinic's zone. The clock's zone is read on every call for a clinic that has set none: tests move the clock
     * and may move its zone.
     */
    public ZoneId zone(long clinicId) {
        return stored.computeIfAbsent(clinicId, this::read).orElseGet(clock::getZone);
    }

    /** The installation's zone ({@code tandem.time-zone}): what a clinic without a zone of its own follows. */
    public ZoneId installationZone() {
        return clock.getZone();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Now as stored in {@code timestamptz} columns, at the signed-in person's clinic's offset. */
    public OffsetDateTime nowAtClinic() {
        return OffsetDateTime.ofInstant(clock.instant(), zone());
    }

    public OffsetDateTime nowAtClinic(long clinicId) {
        return OffsetDateTime.ofInstant(clock.instant(), zone(clinicId));
    }

    /** Today in the signed-in person's clinic. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    public LocalDate today(long clinicId) {
        return LocalDate.ofInstant(clock.instant(), zone(clinicId));
    }

    /** The calendar date of an instant in the signed-in person's clinic's zone. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone());
    }

    public LocalDate dateOf(long clinicId, Instant instant) {
        return LocalDate.ofInstant(instant, zone(clinicId));
    }

    /** Dates and times in the signed-in person's clinic's zone for a reader of this locale: the one formatter. */
    public ClinicFormat format(Locale locale) {
        return new ClinicFormat(zone(), locale);
    }

    @Override
    public String dateTime(Instant at, Locale locale) {
        return format(locale).dateTime(at);
    }

    /** The same for a clinic named by the caller: a mail, a page opened from a link before anyone signs in. */
    public ClinicFormat format(long clinicId, Locale locale) {
        return new ClinicFormat(zone(clinicId), locale);
    }

    /**
     * Drops the clinic's cached zone now and again when the transaction that changed it ends, so that no request
     * keeps a zone read between the change and its commit; the other instances drop theirs when it commits.
     */
    public void forget(long clinicId) {
        stored.remove(clinicId);
        if (channel != null) {
            channel.publish(FORGET, Long.toString(clinicId));
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    stored.remove(clinicId);
                }
            });
        }
    }

    private Optional<ZoneId> read(long clinicId) {
        ClinicRepository repository = clinics;
        @Nullable String id = repository == null ? null : repository.timeZone(clinicId);
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException unknown) {
            // a zone a later JDK no longer knows: keep the clinic running on the installation's zone
            log.warn("Clinic {} has the unknown time zone {}; using the installation's", clinicId, id);
            return Optional.empty();
        }
    }
}
