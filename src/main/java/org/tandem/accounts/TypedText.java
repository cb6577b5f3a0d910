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
import org.jspecify.annotations.Nullable;

/**
 * Text a person typed that Tandem stores and shows again: refused when it holds a character that cannot be stored or
 * that changes how other text is shown (docs/decisions/032-hostile-input.md). Refused: NUL and the other C0 controls
 * (a text of several lines keeps tab, line feed and carriage return), DEL, the C1 controls, a lone surrogate (a
 * broken character, what invalid UTF-8 becomes), and the bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069). Everything else is accepted as typed: HTML, SQL, emoji, combining marks, any
 * script; the views show it as text.
 */
@Constraint(validatedBy = TypedText.Check.class)
@Documented
@Target({METHOD, FIELD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface TypedText {

    /** Whether tab, line feed and carriage return are allowed (notes, answers, feedback: text of several lines). */
    boolean lines() default false;

    String message() default "{text.validation.unstorable-character}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check of {@link TypedText}; {@link #acceptable} is the rule itself. */
    final class Check implements ConstraintValidator<TypedText, CharSequence> {

        private boolean lines;

        @Override
        public void initialize(TypedText annotation) {
            lines = annotation.lines();
        }

        @Override
        public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
            return value == null || acceptable(value, lines);
        }

        /** Whether {@code text} holds only characters that {@link TypedText} accepts. */
        public static boolean acceptable(CharSequence text, boolean lines) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                if (Character.isSurrogate(c) || !allowed(c, lines)) {
                    return false;
                }
            }
            return true;
        }

        /** {@code text} without the characters {@link TypedText} refuses (for a search, which is not stored). */
        public static String without(CharSequence text, boolean lines) {
            StringBuilder kept = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    kept.append(c).append(text.charAt(++i));
                } else if (!Character.isSurrogate(c) && allowed(c, lines)) {
                    kept.append(c);
                }
            }
            return kept.toString();
        }

        private static boolean allowed(char c, boolean lines) {
            if (c < 0x20) {
                return lines && (c == '\t' || c == '\n' || c == '\r');
            }
            if (c >= 0x7F && c <= 0x9F) {
                return false;
            }
            return !(c >= '\u202A' && c <= '\u202E') && !(c >= '\u2066' && c <= '\u2069');
        }
    }
}
