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
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An e-mail address that Tandem's outbox can send to (docs/decisions/032-hostile-input.md): ASCII, and a domain of
 * letters, digits, dots and hyphens, or an address literal. {@code @Email} also takes {@code a@b.orgé} or
 * {@code a@b.org{{7*7}}}, which then failed in the outbox's strict RFC 822 check as a server error. What is not an
 * address at all (blank, no {@code @}, nothing after it) is left to {@code @Email} and {@code @NotBlank}, so that a
 * field gets one message.
 */
@Constraint(validatedBy = SendableAddress.Check.class)
@Documented
@Target({METHOD, FIELD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface SendableAddress {

    String message() default "{accounts.validation.email-invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check of {@link SendableAddress}. */
    final class Check implements ConstraintValidator<SendableAddress, CharSequence> {

        private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f.:]+\\]");

        @Override
        public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String address = value.toString();
            int at = address.lastIndexOf('@');
            if (address.isBlank() || at <= 0 || at == address.length() - 1) {
                return true;
            }
            return address.chars().allMatch(c -> c < 0x80) && DOMAIN.matcher(address.substring(at + 1)).matches();
        }
    }
}
