package org.tandem.couples;

/** A therapist working with a couple: the primary one, or a co-therapist with the same access. */
public record AssignedTherapist(long accountId, String displayName, boolean primary) {}
