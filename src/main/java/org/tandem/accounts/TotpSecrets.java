package org.tandem.accounts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals TOTP secrets for the database and opens them again: AES-256-GCM (the JDK's) under the key of
 * {@code tandem.security.totp-key} (32 bytes, Base64), with the account id as associated data, so that a sealed secret
 * copied onto another account's row does not open. A missing or malformed key stops the application at start-up with
 * a message that says how to make one (docs/decisions/025-second-factor.md).
 */
@Component
class TotpSecrets {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    TotpSecrets(@Value("${tandem.security.totp-key:}") String key) {
        this.key = new SecretKeySpec(decode(key), "AES");
    }

    private static byte[] decode(String configured) {
        String hint = " Set TANDEM_SECURITY_TOTP_KEY (tandem.security.totp-key) to 32 random bytes in Base64, e.g. the"
                + " output of `openssl rand -base64 32`, and keep it: second factors sealed under one key do not open"
                + " under another.";
        if (configured.isBlank()) {
            throw new IllegalStateException("No key for the second factor's secrets." + hint);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("tandem.security.totp-key is not Base64." + hint, notBase64);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "tandem.security.totp-key has " + bytes.length + " bytes, not 32." + hint);
        }
        return bytes;
    }

    /**
     * A key of its own for another purpose, derived from this one (HKDF-Expand of RFC 5869, one block, the configured
     * key being random already), so that the seal of second factors is never used raw for anything else.
     */
    SecretKeySpec derived(String purpose) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            hmac.update(purpose.getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(hmac.doFinal(new byte[] {1}), "HmacSHA256");
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", impossible);
        }
    }

    byte[] seal(long accountId, byte[] secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated(accountId));
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES-GCM is part of every JDK", impossible);
        }
    }

    byte[] open(long accountId, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associated(accountId));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException wrongKeyOrTampered) {
            throw new IllegalStateException("The second factor of account " + accountId
                    + " does not open under the configured tandem.security.totp-key", wrongKeyOrTampered);
        }
    }

    private static byte[] associated(long accountId) {
        return ByteBuffer.allocate(Long.BYTES).putLong(accountId).array();
    }
}
