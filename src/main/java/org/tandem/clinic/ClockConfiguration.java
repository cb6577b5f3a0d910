package org.tandem.clinic;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one source of "now": the system clock in the clinic's zone ({@code tandem.time-zone}, blank
 * for the server's). Tests register a clock of their own before the context starts, which this one then yields to.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(@Value("${tandem.time-zone:}") String zone) {
        return Clock.system(zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone.strip()));
    }

    /** {@code @PastOrPresent} and {@code @FutureOrPresent} on our records judge by the same clock. */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
