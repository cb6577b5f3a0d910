package org.tandem.shell;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.validator.BeanValidator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Forms check each field with the constraints of the record component it fills, so that a limit and its message
 * are written once, on the record ({@code @Size(max = 50, message = "{couples.validation.pronouns-too-long}")});
 * what only the service can find is shown beside the field of the same component.
 */
public final class FormConstraints {

    private FormConstraints() {}

    /**
     * The constraints of {@code record}'s {@code component} as a field validator, messages from the translation
     * bundle. A blank text is checked as no value, as the records store it.
     */
    public static Validator<@Nullable Object> of(Class<? extends Record> record, String component) {
        BeanValidator constraints = new BeanValidator(record, component);
        return (value, context) -> constraints.apply(value instanceof String text && text.isBlank() ? null : value,
                context);
    }

    /**
     * Shows each violation beside the field of the record component its path ends in ({@code "partnerOne.email"}
     * matches {@code create.data.partnerOne.email}; a list component also matches its elements).
     */
    public static void show(ConstraintViolationException refused, Map<String, ? extends HasValidation> fields) {
        for (ConstraintViolation<?> violation : refused.getConstraintViolations()) {
            String path = violation.getPropertyPath().toString();
            fields.entrySet().stream()
                    .filter(entry -> path.endsWith("." + entry.getKey()) || path.contains("." + entry.getKey() + "["))
                    .findFirst()
                    .ifPresent(entry -> show(entry.getValue(), violation.getMessage()));
        }
    }

    public static void show(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
