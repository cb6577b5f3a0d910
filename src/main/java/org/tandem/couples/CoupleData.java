package org.tandem.couples;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.TypedDate;
import org.tandem.accounts.TypedText;

/**
 * What a therapist enters about a couple, when creating it and when editing it. Concerns are free tags:
 * stripped, blanks dropped, repeats (ignoring case) kept once, in the order given.
 */
public record CoupleData(
        @NotNull @Valid PartnerData partnerOne,
        @NotNull @Valid PartnerData partnerTwo,
        @PastOrPresent(message = "{couples.validation.together-since-future}")
        @TypedDate @Nullable LocalDate togetherSince,
        LivingTogether livingTogether,
        @Size(max = CoupleData.MAX_CONCERNS, message = "{couples.validation.too-many-concerns}")
        List<@Size(min = 1, max = CoupleData.MAX_CONCERN_LENGTH,
                message = "{couples.validation.concern-too-long}") @TypedText String> presentingConcerns,
        CoupleStatus status) {

    public static final int MAX_CONCERNS = 20;
    public static final int MAX_CONCERN_LENGTH = 50;

    public CoupleData {
        Objects.requireNonNull(partnerOne, "partnerOne");
        Objects.requireNonNull(partnerTwo, "partnerTwo");
        livingTogether = livingTogether == null ? LivingTogether.UNKNOWN : livingTogether;
        status = status == null ? CoupleStatus.INTAKE : status;
        presentingConcerns = normalise(presentingConcerns);
    }

    private static List<String> normalise(@Nullable List<String> concerns) {
        if (concerns == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        for (String concern : concerns) {
            if (concern == null || concern.isBlank()) {
                continue;
            }
            String tag = concern.strip();
            if (seen.add(tag.toLowerCase(Locale.ROOT))) {
                kept.add(tag);
            }
        }
        return List.copyOf(kept);
    }
}
