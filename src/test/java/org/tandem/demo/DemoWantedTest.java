package org.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The demo clinic goes into the embedded database, and into an external one only when asked for explicitly. */
class DemoWantedTest {

    private static final String EXTERNAL = "jdbc:postgresql://db:5432/tandem";

    @Test
    void the_embedded_database_gets_the_demo_by_default() {
        assertThat(DemoWanted.wanted(new MockEnvironment())).isTrue();
        assertThat(DemoWanted.wanted(new MockEnvironment().withProperty("spring.datasource.url", " "))).isTrue();
    }

    @Test
    void an_external_database_never_gets_the_demo_unless_asked() {
        assertThat(DemoWanted.wanted(new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL))).isFalse();
    }

    @Test
    void tandem_demo_enabled_decides_when_set() {
        assertThat(DemoWanted.wanted(new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL)
                .withProperty(DemoWanted.ENABLED, "true"))).isTrue();
        assertThat(DemoWanted.wanted(new MockEnvironment().withProperty(DemoWanted.ENABLED, "false"))).isFalse();
    }
}
