package org.tandem.accounts;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The e-mail a person signs in with, as every form that asks for one checks it: required, an address, at most 254
 * characters, each with its own message (docs/decisions/016-forms.md). Normalise the value with
 * {@link Emails#normalise}.
 */
@NotBlank(message = "{accounts.validation.email-required}")
@Email(message = "{accounts.validation.email-invalid}")
@SendableAddress
@Size(max = 254, message = "{accounts.validation.email-too-long}")
@TypedText
@Constraint(validatedBy = {})
@Documented
@Target({METHOD, FIELD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface AccountEmail {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
