package org.tandem.accounts.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tandem.accounts.AccountService;
import org.tandem.accounts.Reauthentication;
import org.tandem.accounts.AccountSummary;
import org.tandem.accounts.Role;
import org.tandem.accounts.UserFilter;
import org.tandem.accounts.UserState;

/**
 * The admin's Users page: search by name or e-mail, filter by role and state, open an account to change its roles
 * or deactivate it, and end every session of the clinic; the staff invitations (invite, and the pending ones) come from the invitations feature.
 */
@Route(AccountRoutes.USERS)
@RolesAllowed(Role.Names.ADMIN)
@Menu(order = 20, title = "menu.users", icon = "vaadin:users")
class UsersView extends Main implements HasDynamicTitle {

    private final Optional<StaffInvitationSection> invitations;
    private final TextField search = new TextField();
    private final Select<Optional<Role>> role = new Select<>();
    private final Select<Optional<UserState>> state = new Select<>();
    private final Grid<AccountSummary> grid = new Grid<>();
    private final ConfigurableFilterDataProvider<AccountSummary, Void, UserFilter> rows;
    private final Div pending = new Div();

    UsersView(AccountService accounts, Reauthentication reauthentication,
            List<StaffInvitationSection> invitations) {
        this.invitations = invitations.stream().findFirst();
        H2 title = new H2(getTranslation("users.title"));
        HorizontalLayout heading = new HorizontalLayout(title);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        heading.setWidthFull();
        this.invitations.ifPresent(section -> heading.add(section.inviteButton(this::refresh)));

        search.setPlaceholder(getTranslation("users.search"));
        search.setAriaLabel(getTranslation("users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        role.setLabel(getTranslation("users.filter.role"));
        role.setItems(Optional.empty(), Optional.of(Role.ADMIN), Optional.of(Role.THERAPIST), Optional.of(Role.CLIENT));
        role.setItemLabelGenerator(choice -> choice.map(r -> getTranslation("role." + r.name()))
                .orElseGet(() -> getTranslation("users.filter.any-role")));
        role.setValue(Optional.empty());
        state.setLabel(getTranslation("users.filter.state"));
        state.setItems(Optional.empty(), Optional.of(UserState.ACTIVE), Optional.of(UserState.DEACTIVATED),
                Optional.of(UserState.INVITED));
        state.setItemLabelGenerator(choice -> choice.map(s -> getTranslation("users.state." + s.name()))
                .orElseGet(() -> getTranslation("users.filter.any-state")));
        state.setValue(Optional.empty());
        search.addValueChangeListener(change -> refresh());
        role.addValueChangeListener(change -> refresh());
        state.addValueChangeListener(change -> refresh());
        HorizontalLayout filters = new HorizontalLayout(search, role, state);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addColumn(AccountSummary::displayName).setHeader(getTranslation("users.column.name")).setFlexGrow(2);
        grid.addColumn(AccountSummary::email).setHeader(getTranslation("users.column.email")).setFlexGrow(2);
        grid.addColumn(account -> account.roles().stream()
                        .map(r -> getTranslation("role." + r.name()))
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("users.column.roles"));
        grid.addColumn(account -> getTranslation(account.active() ? "users.active" : "users.inactive"))
                .setHeader(getTranslation("users.column.active"));
        rows = new CallbackDataProvider<AccountSummary, UserFilter>(
                query -> accounts.page(query.getFilter().orElse(UserFilter.ALL), query.getOffset(), query.getLimit())
                        .stream(),
                query -> accounts.count(query.getFilter().orElse(UserFilter.ALL)))
                .withConfigurableFilter();
        grid.setItems(rows);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("users.empty"));
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setSizeFull();
        // Pending invitations and the sessions section share the page: the list keeps room for a screenful of rows.
        grid.setMinHeight("30rem");

        add(heading, filters, pending, grid, new ClinicSessionsSection(accounts, reauthentication));
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Height.FULL, LumoUtility.BoxSizing.BORDER);
        refresh();
    }

    private UserFilter filter() {
        return new UserFilter(search.getValue(), role.getValue().orElse(null), state.getValue().orElse(null));
    }

    private void refresh() {
        UserFilter filter = filter();
        rows.setFilter(filter);
        grid.setVisible(filter.includesAccounts());
        pending.removeAll();
        invitations.ifPresent(section -> pending.add(section.pending(filter, this::refresh)));
    }

    private void open(AccountSummary account) {
        getUI().ifPresent(ui -> ui.navigate(AccountRoutes.user(account.id())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.page-title");
    }
}
