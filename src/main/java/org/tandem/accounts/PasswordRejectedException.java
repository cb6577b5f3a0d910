package org.tandem.accounts;

/** The chosen password breaks the password policy; nothing was changed. */
public class PasswordRejectedException extends RuntimeException {

    private final PasswordCheck check;

    public PasswordRejectedException(PasswordCheck check) {
        super("Password refused: " + check.problem());
        this.check = check;
    }

    public PasswordCheck check() {
        return check;
    }
}
