package org.tandem.sessions;

/** Where a session takes place. */
public enum Modality {
    IN_PERSON,
    VIDEO
}
