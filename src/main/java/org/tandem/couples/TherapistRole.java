package org.tandem.couples;

/** How a therapist works with a couple: each couple has one primary therapist and any number of co-therapists. */
public enum TherapistRole {
    PRIMARY,
    CO_THERAPIST
}
