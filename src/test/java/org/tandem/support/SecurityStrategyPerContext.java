package org.tandem.support;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Each application context installs its own Vaadin-aware security context strategy as the global one.
 * With several test contexts alive (one with the demo, one empty for first-run setup, one per browser
 * test), a test would otherwise sign in through one context's strategy while its beans read another's.
 * Before each test this puts the test's own context's strategy back in place, ahead of
 * {@code @WithUserDetails} and friends.
 */
public class SecurityStrategyPerContext implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return 1000; // before Spring Security's WithSecurityContextTestExecutionListener (10000)
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        install(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        install(testContext);
    }

    private static void install(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
