package org.tandem.couples.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import org.tandem.accounts.Role;
import org.tandem.couples.CaseloadEntry;
import org.tandem.couples.CaseloadService;

@Route(CaseloadView.ROUTE)
@RolesAllowed(Role.Names.THERAPIST)
@Menu(order = 10, title = "menu.caseload", icon = "vaadin:group")
class CaseloadView extends Main implements HasDynamicTitle {

    static final String ROUTE = "caseload";

    CaseloadView(CaseloadService caseload) {
        H2 title = new H2(getTranslation("caseload.title"));

        Grid<CaseloadEntry> grid = new Grid<>();
        grid.addColumn(CaseloadEntry::partnerOne).setHeader(getTranslation("caseload.column.partner-one"));
        grid.addColumn(CaseloadEntry::partnerTwo).setHeader(getTranslation("caseload.column.partner-two"));
        grid.addComponentColumn(entry -> {
            Span status = new Span(getTranslation("couple.status." + entry.status().name()));
            status.getElement().getThemeList().add("badge" + switch (entry.status()) {
                case ACTIVE -> " success";
                case INTAKE -> "";
                case PAUSED -> " contrast";
                case CLOSED -> " contrast pill";
            });
            return status;
        }).setHeader(getTranslation("caseload.column.status")).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> caseload.page(query.getOffset(), query.getLimit()).stream(),
                query -> caseload.size());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("caseload.empty"));
        grid.setSizeFull();

        add(title, grid);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Height.FULL, LumoUtility.BoxSizing.BORDER);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("caseload.page-title");
    }
}
