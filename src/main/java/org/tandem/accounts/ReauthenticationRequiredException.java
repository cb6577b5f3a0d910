package org.tandem.accounts;

/**
 * A sensitive act (changing roles, resetting someone's second factor, exporting the audit log) refused because the
 * session's passphrase was last given too long ago; nothing was written. A view asks for the passphrase
 * ({@code ReauthenticationDialog}) and tries again; anywhere else the global error handler shows the words.
 */
public class ReauthenticationRequiredException extends RefusedException {

    /** @param maxAgeMinutes how old the passphrase may be, for the words */
    public ReauthenticationRequiredException(long maxAgeMinutes) {
        super("reauthentication.error.required", maxAgeMinutes);
    }
}
