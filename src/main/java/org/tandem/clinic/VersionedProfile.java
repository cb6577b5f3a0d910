package org.tandem.clinic;

/** The clinic's profile as read, with the {@code version} that a save must still find. */
public record VersionedProfile(ClinicProfile profile, int version) {}
