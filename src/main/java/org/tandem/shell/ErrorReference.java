package org.tandem.shell;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference a user is shown for an error on our side ("K7Q-4M2X"), logged at ERROR with the stack trace, so
 * that the administrator finds the detail from what the user reads out; the user sees nothing of the exception.
 */
final class ErrorReference {

    private static final Logger log = LoggerFactory.getLogger(ErrorReference.class);
    /** Crockford's base 32: no I, L, O or U, so a reference read out over the phone is not mistaken. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom random = new SecureRandom();

    private ErrorReference() {}

    /** Logs {@code error} under a new reference and returns the reference. */
    static String logged(String where, Throwable error) {
        String reference = next();
        log.error("Unexpected error, reference {} ({})", reference, where, error);
        return reference;
    }

    static String next() {
        StringBuilder reference = new StringBuilder(8);
        for (int i = 0; i < 7; i++) {
            if (i == 3) {
                reference.append('-');
            }
            reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
