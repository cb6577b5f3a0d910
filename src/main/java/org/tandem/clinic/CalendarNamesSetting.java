package org.tandem.clinic;

/**
 * The clinic's choice of what its therapists' calendar files call a couple ({@link CalendarNames}); {@code version} is
 * the clinic's, shared with its other policies.
 */
public record CalendarNamesSetting(CalendarNames names, int version) {}
