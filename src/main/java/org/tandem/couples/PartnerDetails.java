package org.tandem.couples;

import org.jspecify.annotations.Nullable;

/** One partner as the Partners tab shows them; {@code canSignIn} when a CLIENT account is linked and active. */
public record PartnerDetails(
        long partnerId,
        int position,
        String fullName,
        @Nullable String preferredName,
        @Nullable String pronouns,
        @Nullable String email,
        boolean canSignIn) {}
