package org.tandem.balance;

import java.util.List;

/**
 * Everything the balance feature shows on a couple's Overview, read once per rendering
 * ({@link BalanceService#overviewSnapshot}): the figures behind the scores, zones and charts, the alerts, and the
 * suggested modules, all from one reading of the couple's check-in history and of the clinic's baselines.
 */
public record CoupleBalanceOverview(CoupleBalance figures, List<CoupleAlert> alerts, CoupleSuggestions suggestions) {

    public CoupleBalanceOverview {
        alerts = List.copyOf(alerts);
    }
}
