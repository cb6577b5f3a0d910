package org.tandem.accounts;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A date a person picked or typed that Tandem stores: between {@link #EARLIEST} and {@link #LATEST}
 * (docs/decisions/032-hostile-input.md). Java's dates reach a billion years either way and PostgreSQL's fewer
 * (4713 BC to 5874897 AD, and only up to 294276 AD as a time stamp), so without this bound a year such as 10000 or
 * -1 got past {@code @PastOrPresent}/{@code @FutureOrPresent} and failed in the database as a server error.
 */
@Constraint(validatedBy = TypedDate.Check.class)
@Documented
@Target({METHOD, FIELD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface TypedDate {

    LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    LocalDate LATEST = LocalDate.of(2199, 12, 31);

    String message() default "{date.validation.out-of-range}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check of {@link TypedDate}; {@link #acceptable} is the rule itself. */
    final class Check implements ConstraintValidator<TypedDate, LocalDate> {

        @Override
        public boolean isValid(@Nullable LocalDate value, ConstraintValidatorContext context) {
            return value == null || acceptable(value);
        }

        /** Whether {@code date} lies within the dates Tandem stores. */
        public static boolean acceptable(LocalDate date) {
            return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
        }

        /** {@code date} moved into the dates Tandem stores (for a filter, which is not stored). */
        public static @Nullable LocalDate within(@Nullable LocalDate date) {
            if (date == null) {
                return null;
            }
            return date.isBefore(EARLIEST) ? EARLIEST : date.isAfter(LATEST) ? LATEST : date;
        }
    }
}
