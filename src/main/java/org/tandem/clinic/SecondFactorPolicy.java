package org.tandem.clinic;

/**
 * The clinic's "second factor required for staff": when on, admins and therapists without a second factor are sent
 * to enrol right after signing in and can do nothing else until they have; partners are not affected. {@code version}
 * is the clinic's, shared with its other policies.
 */
public record SecondFactorPolicy(boolean requiredForStaff, int version) {}
