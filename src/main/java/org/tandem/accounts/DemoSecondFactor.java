package org.tandem.accounts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.util.encoders.Base32;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo clinic's therapist with a second factor: a fixed key and fixed recovery codes, published in the README, so
 * that a person trying the demo can add the key to an authenticator app and sign in with its codes. Only the demo
 * loader calls it, and the bean does not exist in the {@code prod} profile: it is no way of giving a real account a
 * known key. The secret is sealed and the codes hashed like any enrolment's (docs/decisions/025-second-factor.md).
 */
@Component
@Profile("!prod")
public class DemoSecondFactor {

    /** The key as an authenticator app asks for it (Base32 of "tandem-demo-2026-key"). */
    public static final String KEY = "ORQW 4ZDF NUWW IZLN N4WT EMBS GYWW WZLZ";

    /** The ten recovery codes, each good once per load of the demo. */
    public static final List<String> RECOVERY_CODES = List.of("dmt9t-x69d7", "h7wwu-q4vu5", "233s3-3vrha",
            "wcdk5-dra57", "ysymg-pjn8n", "4p2tx-c2mcu", "ukkre-7xzzv", "ka6zn-nrqcp", "7vus6-dqt43", "6w7sp-8tj6q");

    private final SecondFactorRepository factors;
    private final TotpSecrets secrets;
    private final PasswordEncoder passwordEncoder;
    /** Hashed once per application (hashing is slow on purpose; tests load the demo many times). */
    private @Nullable List<String> hashes;

    DemoSecondFactor(SecondFactorRepository factors, TotpSecrets secrets, PasswordEncoder passwordEncoder) {
        this.factors = factors;
        this.secrets = secrets;
        this.passwordEncoder = passwordEncoder;
    }

    /** The key's secret bytes, for code that computes its codes (an authenticator app in a test). */
    public static byte[] secret() {
        return Base32.decode(KEY.replace(" ", ""));
    }

    /** The {@code otpauth://} URI of the key, as the enrolment page's QR code would carry it. */
    public static String uri(String clinicName, String email) {
        return Totp.uri(secret(), clinicName, email);
    }

    /** Gives the account the demo's key, confirmed as of {@code at}, and its recovery codes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enrol(long clinicId, long accountId, OffsetDateTime at) {
        factors.savePending(clinicId, accountId, secrets.seal(accountId, secret()), at);
        // No code accepted yet: step 0 lets the first code of any time through, and never one twice.
        factors.confirm(accountId, 0, at);
        factors.replaceRecoveryCodes(clinicId, accountId, hashes(), at);
    }

    private synchronized List<String> hashes() {
        List<String> hashed = hashes;
        if (hashed == null) {
            // stored as SecondFactorService stores its own: lower case, without the dash
            hashed = RECOVERY_CODES.stream()
                    .map(code -> passwordEncoder.encode(code.replace("-", "").toLowerCase(Locale.ROOT)))
                    .toList();
            hashes = hashed;
        }
        return hashed;
    }
}
