package org.tandem.shell;

import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.beanvalidation.FilteredMethodValidationPostProcessor;
import org.springframework.boot.validation.beanvalidation.MethodValidationExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

/**
 * Method validation (a {@code @Validated} service's {@code @Valid} and constraint-annotated parameters and return
 * values) as Spring Boot sets it up, but advising only the methods that have a constraint: Spring's pointcut takes
 * every method of a {@code @Validated} class, so a read such as {@code CoupleService.heading(long)} went through
 * the validator on each call, to find nothing to check (2–5 % of a short screen's CPU time, docs/performance.md).
 * Which methods have a constraint is Hibernate Validator's own answer ({@code getConstraintsForMethod}), asked once
 * per method when its proxy is made.
 */
@Configuration(proxyBeanMethods = false)
class MethodValidationConfiguration {

    @Bean
    static MethodValidationPostProcessor methodValidationPostProcessor(Environment environment,
            ObjectProvider<Validator> validator, ObjectProvider<MethodValidationExcludeFilter> excludeFilters) {
        ConstrainedMethodsOnly processor = new ConstrainedMethodsOnly(excludeFilters.orderedStream(), validator);
        processor.setProxyTargetClass(environment.getProperty("spring.aop.proxy-target-class", Boolean.class, true));
        processor.setAdaptConstraintViolations(environment.getProperty(
                "spring.validation.method.adapt-constraint-violations", Boolean.class, false));
        processor.setValidatorProvider(validator);
        return processor;
    }

    /** Spring Boot's post-processor, whose pointcut also asks whether the method has a constraint. */
    static final class ConstrainedMethodsOnly extends FilteredMethodValidationPostProcessor {

        private final ObjectProvider<Validator> validator;

        ConstrainedMethodsOnly(Stream<? extends MethodValidationExcludeFilter> excludeFilters,
                ObjectProvider<Validator> validator) {
            super(excludeFilters);
            this.validator = validator;
        }

        @Override
        public void afterPropertiesSet() {
            super.afterPropertiesSet();
            DefaultPointcutAdvisor advisor = (DefaultPointcutAdvisor) java.util.Objects.requireNonNull(this.advisor);
            advisor.setPointcut(new ComposablePointcut(advisor.getPointcut()).intersection(new StaticMethodMatcher() {
                @Override
                public boolean matches(Method method, Class<?> targetClass) {
                    return constrained(validator.getObject(), method, targetClass);
                }
            }));
        }
    }

    /** Whether Hibernate Validator would check anything of this method: a parameter, the return value, or both. */
    static boolean constrained(Validator validator, Method method, Class<?> targetClass) {
        return validator.getConstraintsForClass(targetClass)
                .getConstraintsForMethod(method.getName(), method.getParameterTypes()) != null;
    }
}
