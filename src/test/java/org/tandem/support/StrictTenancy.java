package org.tandem.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test runs as production does: a statement sees only the signed-in person's clinic or its {@code TenantScope},
 * and nothing without either (docs/decisions/029-second-wall-in-the-database.md). Without it a test's fixtures,
 * assertions and the services it calls see every clinic's rows; the tests of row-level security itself and of the
 * paths that run with no one signed in carry it. A running server's own threads (RANDOM_PORT tests, every IT) are
 * always strict: only the test's thread gets the default.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface StrictTenancy {}
