package org.tandem.accounts;

/**
 * The signed-in person's second factor as their page shows it.
 *
 * @param enrolled a confirmed second factor is asked for at every sign-in
 * @param recoveryCodesLeft the single-use recovery codes not spent yet
 * @param removable false while the clinic requires a second factor of its staff and this person is staff
 */
public record SecondFactorStatus(boolean enrolled, int recoveryCodesLeft, boolean removable) {}
