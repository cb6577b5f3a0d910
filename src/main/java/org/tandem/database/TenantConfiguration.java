package org.tandem.database;

import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * jOOQ's connections carry the clinic of the current thread ({@link TenantConnectionProvider}): Spring Boot's own
 * connection provider (transaction-aware, on the application's pool), wrapped.
 */
@Configuration(proxyBeanMethods = false)
class TenantConfiguration {

    @Bean
    DefaultConfigurationCustomizer tenantConnections() {
        return configuration -> configuration.set(new TenantConnectionProvider(configuration.connectionProvider()));
    }
}
