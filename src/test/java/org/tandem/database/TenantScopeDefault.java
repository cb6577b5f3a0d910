package org.tandem.database;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.tandem.support.StrictTenancy;

/**
 * The test's own thread sees every clinic's rows when it signs no one in (its fixtures, its assertions on the tables),
 * unless the class is {@link StrictTenancy}; every other thread, a running server's requests among them, runs as in
 * production (docs/decisions/029-second-wall-in-the-database.md). Set before the class's application context starts
 * and before each test.
 */
public class TenantScopeDefault implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        apply(testContext);
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        apply(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        apply(testContext);
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        TenantScope.installationByDefault(null);
    }

    private static void apply(TestContext testContext) {
        boolean strict = MergedAnnotations.from(testContext.getTestClass(), SearchStrategy.TYPE_HIERARCHY)
                .isPresent(StrictTenancy.class);
        TenantScope.installationByDefault(strict ? null : Thread.currentThread());
    }
}
