package org.tandem.balance.ui;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tandem.balance.AlertService;
import org.tandem.balance.BalanceService;
import org.tandem.balance.CoupleBalanceOverview;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.ui.OverviewReads;
import org.tandem.couples.ui.OverviewSection;

/** Puts the couple's alerts, each with why and an Acknowledge button, first on the couple's Overview tab. */
@Order(10)
@Component
class AlertsOverviewSection implements OverviewSection {

    private final AlertService alerts;
    private final BalanceService balance;
    private final ClinicTime time;

    AlertsOverviewSection(AlertService alerts, BalanceService balance, ClinicTime time) {
        this.alerts = alerts;
        this.balance = balance;
        this.time = time;
    }

    @Override
    public com.vaadin.flow.component.Component create(long coupleId, OverviewReads reads) {
        CoupleBalanceOverview snapshot = reads.once(CoupleBalanceOverview.class,
                () -> balance.overviewSnapshot(coupleId));
        return new AlertsPanel(alerts, coupleId, snapshot.alerts(), time);
    }
}
