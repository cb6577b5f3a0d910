package org.tandem.accounts;

/** An account with this e-mail already exists; sign-in e-mails are unique across clinics. */
public class EmailTakenException extends RuntimeException {

    public EmailTakenException(String email) {
        super("An account with the e-mail " + email + " already exists");
    }
}
