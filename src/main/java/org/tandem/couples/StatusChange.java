package org.tandem.couples;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One line of a couple's status history; {@code from} is null for the status the couple was created with. */
public record StatusChange(@Nullable CoupleStatus from, CoupleStatus to, String changedBy, OffsetDateTime changedAt) {}
