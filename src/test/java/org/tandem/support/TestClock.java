package org.tandem.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The application's clock in every test context: fixed at {@link #START} in {@link #ZONE} unless a test moves it,
 * and put back before each test. A test that needs time to pass (a check-in window opening, a due date passing, an
 * invitation expiring, an idle session ending) moves this clock instead of sleeping, and no test reads the
 * machine's clock to decide what it expects: the suite passes whatever the day, hour and zone it runs at.
 *
 * <p>Registered for every context by {@link Factory} (META-INF/spring.factories) before the context starts, so the
 * demo clinic is laid out around {@link #START} and the application's own clock bean steps aside.
 */
public final class TestClock extends Clock {

    /**
     * A Wednesday mid-morning in the clinic's zone. Europe/Berlin is never the zone of the machine that runs the suite
     * by accident (CI runs in UTC) and has summer time, so a view that shows the JVM's zone instead of the clinic's
     * shows the wrong hour.
     */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    public static final Instant START = ZonedDateTime.of(2026, 6, 10, 10, 30, 0, 0, ZONE).toInstant();

    /** {@link #START} as stored in a {@code timestamptz} column: what fixtures that write rows directly stamp them with. */
    public static final OffsetDateTime START_AT = START.atZone(ZONE).toOffsetDateTime();

    /** The clinic's date at {@link #START}. */
    public static final LocalDate TODAY = START.atZone(ZONE).toLocalDate();

    private volatile Instant instant = START;
    private volatile ZoneId zone = ZONE;

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : Clock.fixed(instant, other);
    }

    @Override
    public Instant instant() {
        return instant;
    }

    /** Moves time on (or back, with a negative duration). */
    public TestClock advance(Duration by) {
        instant = instant.plus(by);
        return this;
    }

    public TestClock set(Instant now) {
        instant = now;
        return this;
    }

    /** Sets the time and the clinic's zone at once: "it is now this wall-clock time in this zone". */
    public TestClock set(ZonedDateTime now) {
        instant = now.toInstant();
        zone = now.getZone();
        return this;
    }

    public TestClock zone(ZoneId clinicZone) {
        zone = clinicZone;
        return this;
    }

    /** Back to {@link #START} in {@link #ZONE}. */
    public void reset() {
        instant = START;
        zone = ZONE;
    }

    @Override
    public String toString() {
        return "TestClock[" + instant.atZone(zone) + "]";
    }

    /** Puts a fresh {@link TestClock} into every test context, named {@code clock}. */
    public static final class Factory implements ContextCustomizerFactory {
        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer();
        }
    }

    private static final class Customizer implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getBeanFactory().registerSingleton("clock", new TestClock());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }

    /** Puts the context's clock back to {@link #START} before each test, whatever the test before did with it. */
    public static final class Reset implements TestExecutionListener, Ordered {
        @Override
        public int getOrder() {
            return 900;
        }

        @Override
        public void beforeTestMethod(TestContext testContext) {
            if (testContext.hasApplicationContext()) {
                testContext.getApplicationContext().getBeanProvider(TestClock.class).ifAvailable(TestClock::reset);
            }
        }
    }
}
