package org.tandem.accounts.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.AccountSummary;
import org.tandem.accounts.Role;

@Route(AccountRoutes.USERS)
@RolesAllowed(Role.Names.ADMIN)
@Menu(order = 20, title = "menu.users", icon = "vaadin:users")
class UsersView extends Main implements HasDynamicTitle {


    UsersView(AccountService accounts) {
        H2 title = new H2(getTranslation("users.title"));

        Grid<AccountSummary> grid = new Grid<>();
        grid.addColumn(AccountSummary::displayName).setHeader(getTranslation("users.column.name")).setFlexGrow(2);
        grid.addColumn(AccountSummary::email).setHeader(getTranslation("users.column.email")).setFlexGrow(2);
        grid.addColumn(account -> account.roles().stream()
                        .map(role -> getTranslation("role." + role.name()))
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("users.column.roles"));
        grid.addColumn(account -> getTranslation(account.active() ? "users.active" : "users.inactive"))
                .setHeader(getTranslation("users.column.active"));
        grid.setItems(query -> accounts.page(query.getOffset(), query.getLimit()).stream(),
                query -> accounts.count());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("users.empty"));
        grid.setSizeFull();

        add(title, grid);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Height.FULL, LumoUtility.BoxSizing.BORDER);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.page-title");
    }
}
