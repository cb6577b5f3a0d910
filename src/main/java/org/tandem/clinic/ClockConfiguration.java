package org.tandem.clinic;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one source of "now": the system clock in the installation's zone ({@code tandem.time-zone},
 * blank for the server's), which every clinic without a zone of its own follows ({@link ClinicTime}). Tests register a clock of their own before the context starts, which this one then yields to.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(@Value("${tandem.time-zone:}") String zone) {
        return Clock.system(zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone.strip()));
    }

    /**
     * {@code @PastOrPresent} and {@code @FutureOrPresent} on our records judge by the same clock, in the zone of the
     * signed-in person's clinic (a due date of "today" means today there). Hibernate Validator keeps the clock it
     * is first given in each constraint's validator, so the clock given asks for the zone on every reading;
     * {@link ClinicTime} is looked up then, as it needs the database, which is not ready when the validator is built.
     */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock, ObjectProvider<ClinicTime> time) {
        Clock inClinicZone = new ReaderZoneClock(clock, time);
        return configuration -> configuration.clockProvider(() -> inClinicZone);
    }

    /** The application's clock in the zone of whoever is signed in, read anew on every call. */
    private static final class ReaderZoneClock extends Clock {

        private final Clock clock;
        private final ObjectProvider<ClinicTime> time;

        ReaderZoneClock(Clock clock, ObjectProvider<ClinicTime> time) {
            this.clock = clock;
            this.time = time;
        }

        @Override
        public ZoneId getZone() {
            return time.getObject().zone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return clock.withZone(zone);
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    }
}
