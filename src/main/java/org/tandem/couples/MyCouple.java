package org.tandem.couples;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a partner sees of their own couple: their name, their partner's name, their therapists. */
public record MyCouple(long coupleId, String myName, @Nullable String partnerName, List<String> therapistNames) {}
