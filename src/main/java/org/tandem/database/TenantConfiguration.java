package org.tandem.database;

import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * jOOQ's connections carry the clinic of the current thread ({@link TenantConnectionProvider}): Spring Boot's own
 * connection provider (transaction-aware, on the application's pool), wrapped. Timestamps with a time zone are read
 * and bound as {@link java.time.OffsetDateTime} by the driver itself ({@code bindOffsetDateTimeType}): by default jOOQ
 * has the driver format each one as text and parses it back, a tenth of a short screen's Java time (docs/performance.md).
 */
@Configuration(proxyBeanMethods = false)
class TenantConfiguration {

    @Bean
    DefaultConfigurationCustomizer tenantConnections() {
        return configuration -> {
            configuration.set(new TenantConnectionProvider(configuration.connectionProvider()));
            configuration.settings().setBindOffsetDateTimeType(true);
        };
    }
}
