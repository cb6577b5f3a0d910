package org.tandem.workbook;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The therapist's feedback on one answer set: on a step ({@code stepId}) or on the whole module (null). */
public record Feedback(long id, @Nullable String stepId, String body, String authorName, Instant createdAt) {
}
