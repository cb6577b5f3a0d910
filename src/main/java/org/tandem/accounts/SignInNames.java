package org.tandem.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * What the audit trail and the sign-in throttle keep of a user name typed into the sign-in form: the e-mail when an
 * account has it, else only a keyed hash ("unknown user name (hash 3f9a…)"), since what was typed may be a
 * passphrase typed into the wrong field. The hash (HMAC-SHA256 under a key derived from
 * {@code tandem.security.totp-key}) is the same for the same name, so repeated attempts can be grouped, and cannot
 * be reversed by trying names without the key (docs/decisions/004-audit-trail.md).
 */
@Component
public class SignInNames {

    private static final String PREFIX = "unknown user name (hash ";
    private static final int HASH_BYTES = 8;

    private final AccountRepository accounts;
    private final SecretKeySpec key;

    SignInNames(AccountRepository accounts, TotpSecrets secrets) {
        this.accounts = accounts;
        this.key = secrets.derived("tandem sign-in name hash v1");
    }

    /** The e-mail as typed (normalised) when an account has it, "(blank)" for nothing, else its keyed hash. */
    public String recorded(String typed) {
        String email = Emails.normalise(typed);
        if (email.isEmpty()) {
            return "(blank)";
        }
        return accounts.findUserByEmail(email).isPresent() ? email : hashed(email);
    }

    /** The keyed hash of a name that is no account's (normalised first, so that case and spaces do not split it). */
    public String hashed(String typed) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            byte[] digest = hmac.doFinal(Emails.normalise(typed).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, HASH_BYTES) + ")";
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", impossible);
        }
    }
}
