package org.tandem.couples;

/** Where a couple is in their work with the clinic. */
public enum CoupleStatus {
    INTAKE,
    ACTIVE,
    PAUSED,
    CLOSED
}
