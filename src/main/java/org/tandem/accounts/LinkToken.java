package org.tandem.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret of a single-use link that lets its holder in (an invitation, a passphrase reset): 32 random bytes,
 * URL-safe. Only their SHA-256 is stored, so a link is shown once, when it is issued, and a copy of the database
 * cannot be used to sign in. A plain hash suffices: the token has 256 bits of entropy, nothing to guess.
 */
public final class LinkToken {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkToken() {}

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text could be a token at all; anything else is refused before the database is asked. */
    public static boolean wellFormed(String token) {
        return SHAPE.matcher(token).matches();
    }

    /** What is stored of a token: its SHA-256, in hex. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }
}
