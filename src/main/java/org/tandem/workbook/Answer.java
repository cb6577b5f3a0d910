package org.tandem.workbook;

import java.time.Instant;

/** A saved answer to one step; {@code version} guards against a concurrent edit. */
public record Answer(String stepId, AnswerValue value, boolean shared, int version, Instant updatedAt) {
}
