package org.tandem.balance.ui;

import org.tandem.balance.BalanceService;
import org.tandem.balance.CheckInService;
import org.tandem.balance.CoupleBalanceOverview;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.ui.OverviewReads;
import org.tandem.couples.ui.OverviewSection;

/** Puts the couple's balance figures (scores, zones, change, divergence) on the couple's Overview tab. */
// Alerts come first on the Overview (10), then the balance figures (20), then suggested modules (30).
@org.springframework.core.annotation.Order(20)
@org.springframework.stereotype.Component
class BalanceOverviewSection implements OverviewSection {

    private final BalanceService balance;
    private final CheckInService checkIns;
    private final ClinicTime time;

    BalanceOverviewSection(BalanceService balance, CheckInService checkIns, ClinicTime time) {
        this.balance = balance;
        this.checkIns = checkIns;
        this.time = time;
    }

    @Override
    public com.vaadin.flow.component.Component create(long coupleId, OverviewReads reads) {
        CoupleBalanceOverview snapshot = reads.once(CoupleBalanceOverview.class,
                () -> balance.overviewSnapshot(coupleId));
        return new BalanceOverviewPanel(checkIns, coupleId, snapshot.figures(), time);
    }
}
