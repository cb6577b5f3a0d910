package org.tandem.balance;

import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.accounts.TandemUser;
import org.tandem.balance.CoupleBalance.SessionDivergence;
import org.tandem.balance.Suggestions.CandidateModule;
import org.tandem.balance.Suggestions.PartnerZone;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleAccess;

/**
 * Suggested modules for one of the therapist's couples: balance.md's table ({@link Suggestions}) applied to each
 * partner's latest zone and the divergence of the couple's latest session with both partners scored, over the
 * clinic's published modules, leaving out what the couple completed in the last 60 days.
 */
@Service
@Transactional(readOnly = true)
public class SuggestionService {

    private final CheckInRepository checkIns;
    private final SuggestionRepository library;
    private final CoupleAccess access;
    private final ClinicTime time;

    SuggestionService(CheckInRepository checkIns, SuggestionRepository library, CoupleAccess access, ClinicTime time) {
        this.checkIns = checkIns;
        this.library = library;
        this.access = access;
        this.time = time;
    }

    /**
     * The modules to suggest to one of the therapist's couples, each with its reasons. Not audited: a section of the
     * couple's Overview, whose one read row {@code CoupleService.overview} writes.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public CoupleSuggestions suggestions(long coupleId) {
        TandemUser therapist = access.requireTherapistOf(coupleId);
        long clinicId = therapist.clinicId();
        BalanceSettings settings = checkIns.settings(clinicId).settings();
        // Reliable change plays no part in the table, so the provisional parameters do.
        CoupleBalance balance = BalanceService.balance(coupleId, settings, BalanceScoring.parameters(List.of()),
                checkIns.history(clinicId, coupleId));
        return suggestions(clinicId, balance);
    }

    /**
     * The suggestions from figures already computed (the Overview's snapshot): only the partners' latest zones and the
     * sessions' divergence flags count, which the reliable-change parameters do not change. One statement (the
     * clinic's modules), none when the table suggests nothing.
     */
    CoupleSuggestions suggestions(long clinicId, CoupleBalance balance) {
        long coupleId = balance.coupleId();
        List<PartnerZone> zones = balance.partners().stream()
                .map(partner -> new PartnerZone(partner.partnerId(), partner.partnerName(),
                        partner.latest() == null ? null : partner.latest().zone()))
                .toList();
        boolean diverged = balance.sessions().stream()
                .max(Comparator.comparing(SessionDivergence::sessionStartsAt))
                .map(SessionDivergence::flagged).orElse(false);
        List<Suggestion> categories = Suggestions.categories(zones, diverged);
        List<ModuleSuggestion> modules = categories.isEmpty() ? List.of()
                : Suggestions.modules(categories, candidates(clinicId, coupleId), time.today());
        boolean scored = zones.stream().anyMatch(zone -> zone.zone() != null);
        return new CoupleSuggestions(coupleId, scored, categories, modules);
    }

    private List<CandidateModule> candidates(long clinicId, long coupleId) {
        return library.library(clinicId, coupleId).stream()
                .map(module -> new CandidateModule(module.moduleId(), module.title(), module.category(),
                        module.lastCompleted() == null ? null : time.dateOf(module.lastCompleted()),
                        module.assigned()))
                .toList();
    }
}
