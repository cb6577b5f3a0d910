package org.tandem.generator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;
import org.tandem.support.IntegrationTest;

/**
 * An {@link IntegrationTest} in an application context (and so an embedded database) of its own, shared by every test
 * so annotated: what {@link NetworkGenerator} writes is committed, and must not reach the other tests' database (their
 * sweeps, outbox and counts).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = "tandem.test.database=generated-network")
public @interface NetworkTest {}
