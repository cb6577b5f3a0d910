package org.tandem.accounts;

/**
 * A second factor being set up: the {@code otpauth://} URI its QR code carries, and the same key as a person types it
 * into an authenticator app.
 */
public record Enrolment(String uri, String typedKey) {}
