package org.tandem.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test runs as production does: a statement made with no one signed in and no {@code TenantScope} sees no row
 * (docs/decisions/029-second-wall-in-the-database.md). Without it a test's own fixtures and assertions, which sign no
 * one in, see every clinic's rows; the tests of the paths that run with no one signed in (sign-in, invitations,
 * passphrase reset, first-run setup) and of row-level security itself carry it. A running server's own threads
 * (RANDOM_PORT tests) are strict in every test: only the test's thread gets the default.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface StrictTenancy {}
