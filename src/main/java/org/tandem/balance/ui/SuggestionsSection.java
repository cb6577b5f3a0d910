package org.tandem.balance.ui;

import org.tandem.balance.BalanceService;
import org.tandem.balance.CoupleBalanceOverview;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.ui.OverviewReads;
import org.tandem.couples.ui.OverviewSection;
import org.tandem.workbook.ModuleLibrary;
import org.tandem.workbook.WorkbookService;
import org.tandem.workbook.ui.AssignModuleDialog;

/** Puts the couple's suggested modules, each with its reason and a one-click assign, on the couple's Overview tab. */
// Alerts come first on the Overview (10), then the balance figures (20), then suggested modules (30).
@org.springframework.core.annotation.Order(30)
@org.springframework.stereotype.Component
class SuggestionsSection implements OverviewSection {

    private final BalanceService balance;
    private final WorkbookService workbook;
    private final ModuleLibrary library;
    private final ClinicTime time;

    SuggestionsSection(BalanceService balance, WorkbookService workbook, ModuleLibrary library,
            ClinicTime time) {
        this.balance = balance;
        this.workbook = workbook;
        this.library = library;
        this.time = time;
    }

    @Override
    public com.vaadin.flow.component.Component create(long coupleId, OverviewReads reads) {
        CoupleBalanceOverview snapshot = reads.once(CoupleBalanceOverview.class,
                () -> balance.overviewSnapshot(coupleId));
        return new SuggestionsPanel(snapshot.suggestions(),
                moduleId -> new AssignModuleDialog(coupleId, workbook, library, time, moduleId, assignmentId -> {})
                        .open());
    }
}
