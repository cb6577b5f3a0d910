package org.tandem.accounts;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * TOTP as authenticator apps speak it (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), computed by java-otp. A code
 * is accepted for the step of "now" and one step either side (a phone's clock a little off, a code typed as it
 * changed), and only for a step later than the last one accepted, so no code works twice.
 */
final class Totp {

    static final String ISSUER = "Tandem";
    private static final int SECRET_BYTES = 20; // 160 bits, the HMAC-SHA1 block RFC 4226 recommends
    private static final int DRIFT_STEPS = 1;

    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The secret as a person types it into an authenticator app: Base32, in groups of four. */
    static String typedKey(byte[] secret) {
        String base32 = base32(secret);
        return String.join(" ", base32.split("(?<=\\G.{4})"));
    }

    /** The {@code otpauth://} URI of the QR code (Google Authenticator's key URI format). */
    static String uri(byte[] secret, String clinicName, String email) {
        String label = encode(ISSUER + " (" + clinicName + "):" + email);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(ISSUER)
                + "&algorithm=SHA1&digits=" + GENERATOR.getPasswordLength() + "&period="
                + GENERATOR.getTimeStep().toSeconds();
    }

    /** The 30-second step an instant falls in. */
    static long step(Instant at) {
        return at.getEpochSecond() / GENERATOR.getTimeStep().toSeconds();
    }

    /**
     * The step whose code {@code code} is, near {@code now} and after {@code lastAccepted}; empty for a wrong, an old
     * or an already used code.
     */
    static OptionalLong matchingStep(byte[] secret, String code, Instant now, long lastAccepted) {
        String digits = code.replaceAll("\\s", "");
        if (!digits.matches("\\d{" + GENERATOR.getPasswordLength() + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            if (step > lastAccepted && code(secret, step).equals(digits)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The code of a step. */
    static String code(byte[] secret, long step) {
        Key key = new SecretKeySpec(secret, GENERATOR.getAlgorithm());
        try {
            return GENERATOR.generateOneTimePasswordString(key,
                    Instant.ofEpochSecond(step * GENERATOR.getTimeStep().toSeconds()), Locale.ROOT);
        } catch (InvalidKeyException impossible) {
            throw new IllegalStateException("An HMAC key of any length is valid", impossible);
        }
    }

    private static String base32(byte[] secret) {
        return new String(Base32.encode(secret), StandardCharsets.US_ASCII).replace("=", "");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
