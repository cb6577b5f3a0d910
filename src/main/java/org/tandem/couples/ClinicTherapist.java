package org.tandem.couples;

/** A therapist of the clinic, as an admin picks one for a couple. */
public record ClinicTherapist(long accountId, String displayName) {}
