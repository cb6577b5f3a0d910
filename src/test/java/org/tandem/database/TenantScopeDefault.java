package org.tandem.database;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.tandem.support.StrictTenancy;

/**
 * Tests see every clinic's rows when they sign no one in (fixtures, assertions on the tables), unless the class is
 * {@link StrictTenancy} or runs against a real server: set before the class's application context starts, so that
 * what runs at start (the built-in modules, the demo) runs as it would in production for those.
 */
public class TenantScopeDefault implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        TenantScope.installationByDefault(!strict(testContext.getTestClass()));
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        beforeTestClass(testContext);
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        TenantScope.installationByDefault(false);
    }

    static boolean strict(Class<?> testClass) {
        MergedAnnotations annotations = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY);
        return annotations.isPresent(StrictTenancy.class) || annotations.get(SpringBootTest.class)
                .getValue("webEnvironment", SpringBootTest.WebEnvironment.class)
                .map(SpringBootTest.WebEnvironment::isEmbedded).orElse(false);
    }
}
