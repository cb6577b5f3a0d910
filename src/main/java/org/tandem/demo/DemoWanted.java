package org.tandem.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the demo clinic (well-known passwords) may be loaded: when {@code tandem.demo.enabled} (environment
 * {@code TANDEM_DEMO_ENABLED}) is set, as it says; otherwise only into the embedded development database, that is
 * when no {@code spring.datasource.url} is configured. An external database never gets the demo unless asked
 * (docs/decisions/031-self-hosting-defaults.md). The prod profile has no demo at all ({@link DemoClinicLoader}).
 */
class DemoWanted implements Condition {

    static final String ENABLED = "tandem.demo.enabled";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return wanted(context.getEnvironment());
    }

    static boolean wanted(PropertyResolver properties) {
        String explicit = properties.getProperty(ENABLED);
        if (explicit != null && !explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.strip());
        }
        String url = properties.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }
}
