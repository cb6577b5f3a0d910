package org.tandem.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Pointcut;
import org.springframework.aop.PointcutAdvisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.MethodValidationInterceptor;
import org.tandem.couples.CoupleService;
import org.tandem.support.IntegrationTest;

/**
 * The validator runs around a {@code @Validated} service's methods that have something to check (a {@code @Valid}
 * or constrained parameter or return value) and around no other (MethodValidationConfiguration). That a constrained
 * method refuses bad input is proved where each form is (e.g. {@code CoupleRecordTest}).
 */
@IntegrationTest
class MethodValidationTest {

    @Autowired ApplicationContext context;

    @Test
    void a_couples_create_and_update_are_validated_and_its_reads_are_not() throws NoSuchMethodException {
        CoupleService couples = context.getBean(CoupleService.class);

        assertThat(validated(couples, CoupleService.class.getMethod("create",
                org.tandem.couples.CoupleData.class))).isTrue();
        assertThat(validated(couples, CoupleService.class.getMethod("update", long.class, int.class,
                org.tandem.couples.CoupleData.class))).isTrue();
        assertThat(validated(couples, CoupleService.class.getMethod("heading", long.class))).isFalse();
        assertThat(validated(couples, CoupleService.class.getMethod("overview", long.class))).isFalse();
        assertThat(validated(couples, CoupleService.class.getMethod("myCouple"))).isFalse();
    }

    @Test
    void every_validated_service_keeps_the_validator_on_its_methods_with_a_valid_parameter() {
        List<String> validated = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Object bean : context.getBeansWithAnnotation(Validated.class).values()) {
            Class<?> target = AopUtils.getTargetClass(bean);
            for (Method method : target.getDeclaredMethods()) {
                boolean valid = Arrays.stream(method.getParameters())
                        .anyMatch(parameter -> parameter.isAnnotationPresent(jakarta.validation.Valid.class));
                if (Modifier.isPublic(method.getModifiers()) && valid) {
                    (validated(bean, method) ? validated : missed).add(target.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(missed).as("methods with a @Valid parameter that the validator does not run around").isEmpty();
        assertThat(validated).as("methods with a @Valid parameter").hasSizeGreaterThan(10);
    }

    /** Whether the bean's proxy runs the method validator around this method. */
    private static boolean validated(Object bean, Method method) {
        Class<?> target = AopUtils.getTargetClass(bean);
        return Arrays.stream(((Advised) bean).getAdvisors())
                .filter(advisor -> advisor.getAdvice() instanceof MethodValidationInterceptor)
                .map(advisor -> ((PointcutAdvisor) advisor).getPointcut())
                .anyMatch((Pointcut pointcut) -> pointcut.getClassFilter().matches(target)
                        && pointcut.getMethodMatcher().matches(method, target));
    }
}
