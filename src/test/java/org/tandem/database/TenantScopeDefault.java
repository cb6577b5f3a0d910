package org.tandem.database;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.tandem.support.StrictTenancy;

/**
 * Tests see every clinic's rows whoever is signed in (their fixtures, their assertions, the services they call, the
 * threads they start), unless the class is {@link StrictTenancy}; against a running server (RANDOM_PORT) only the
 * test's own thread does, and the server's request threads run as in production
 * (docs/decisions/029-second-wall-in-the-database.md). Set before the class's application context starts and before
 * each test.
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
        TenantScope.installationByDefault(false, null);
    }

    private static void apply(TestContext testContext) {
        MergedAnnotations annotations = MergedAnnotations.from(testContext.getTestClass(),
                SearchStrategy.TYPE_HIERARCHY);
        boolean runningServer = annotations.get(SpringBootTest.class)
                .getValue("webEnvironment", SpringBootTest.WebEnvironment.class)
                .map(SpringBootTest.WebEnvironment::isEmbedded).orElse(false);
        TenantScope.installationByDefault(!annotations.isPresent(StrictTenancy.class),
                runningServer ? Thread.currentThread() : null);
    }
}
