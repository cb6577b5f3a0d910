package org.tandem.shell;

import com.vaadin.flow.component.HasValidation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;

/**
 * Puts a message beside a form's field. Forms check their fields with the constraints of the record they fill
 * ({@code new BeanValidator(CoupleData.class, "status")} in the binding), so a limit and its message are written
 * once, on the record; what only the service can find is placed here, beside the field of the same component.
 */
public final class FieldErrors {

    private FieldErrors() {}

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
