package org.tandem.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.support.DemoTest;
import org.springframework.transaction.annotation.Transactional;

/**
 * As {@link IntegrationTest}, with the demo clinic loaded: for the tests of the demo itself and those not yet
 * given their own data. All such classes share one application context (one set of properties: keep it so).
 * A test that does not roll back (such as a concurrency test) declares
 * {@code @SpringBootTest(properties = DemoTest.DEMO)} and {@code @ActiveProfiles("test")} to share it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = DemoTest.DEMO)
@ActiveProfiles("test")
@Transactional
public @interface DemoTest {

    String DEMO = "tandem.demo.enabled=true";
}
