package org.tandem.accounts;

/** What a temporary sign-in lock-out holds back: one e-mail, or every sign-in from one address. */
public enum SignInLockKind {
    EMAIL,
    ADDRESS
}
