package org.tandem.support;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/** An authenticator app in a test: the codes of a key, computed with the library Tandem checks them with (java-otp). */
public final class TotpCodes {

    private TotpCodes() {}

    /** The secret of the key as the enrolment page shows it for typing ("ABCD EFGH ..."). */
    public static byte[] secret(String typedKey) {
        return Base32.decode(typedKey.replace(" ", ""));
    }

    public static String code(byte[] secret, Instant at) {
        try {
            return new TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(
                    new SecretKeySpec(secret, "HmacSHA1"), at);
        } catch (InvalidKeyException impossible) {
            throw new AssertionError(impossible);
        }
    }

    /** A code of the same length that is not this one. */
    public static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
