package org.tandem.caseload.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.Role;
import org.tandem.shell.GridRows;
import org.tandem.balance.Trend;
import org.tandem.balance.Zone;
import org.tandem.caseload.CaseloadEntry;
import org.tandem.caseload.CaseloadService;
import org.tandem.caseload.CaseloadSort;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleFilter;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.ui.CoupleRoutes;

/**
 * The therapist's landing page: every couple they work with, filtered, sorted and paged in the database
 * (the grid asks for one page at a time, which {@link CaseloadPages} turns into keyset paging). The balance columns (zone chips with trend arrows, alert count) come from
 * the balance summary the repository joins, so a page costs the same whatever the couples' histories.
 */
@Route(CaseloadRoutes.CASELOAD)
@RolesAllowed(Role.Names.THERAPIST)
@Menu(order = 10, title = "menu.caseload", icon = "vaadin:group")
class CaseloadView extends Main implements HasDynamicTitle {

    /*
     * The status, balance, alert and overdue cells are Lit templates filled from a few string properties per row,
     * not server-side components: a page of 50 rows then holds no components in the session (issue 15: a caseload
     * session held 452 KB with four component columns, 197 KB without; SessionMemoryBenchmark).
     */

    /** The couple's status as a badge. */
    private LitRenderer<CaseloadEntry> statusBadge() {
        return LitRenderer.<CaseloadEntry>of("<span theme=\"${item.theme}\">${item.text}</span>")
                .withProperty("text", entry -> getTranslation("couple.status." + entry.status().name()))
                .withProperty("theme", entry -> "badge" + switch (entry.status()) {
                    case ACTIVE -> " success";
                    case INTAKE -> "";
                    case PAUSED -> " contrast";
                    case CLOSED -> " contrast pill";
                });
    }

    /** A count as a red badge with its meaning in the tooltip, or nothing when the count is 0. */
    private static LitRenderer<CaseloadEntry> countBadge(String className, String theme,
            ValueProvider<CaseloadEntry, Integer> count, ValueProvider<CaseloadEntry, String> title) {
        return LitRenderer.<CaseloadEntry>of("${item.count ? html`<span class=\"" + className + "\" theme=\""
                        + theme + "\" title=\"${item.title}\">${item.count}</span>` : ''}")
                .withProperty("count", count)
                .withProperty("title", entry -> count.apply(entry) == 0 ? "" : title.apply(entry));
    }

    /**
     * Each partner's latest zone as a small chip with its name and the trend since baseline as an arrow (the zone
     * colours of the couple's Overview, BalanceOverviewPanel).
     */
    private LitRenderer<CaseloadEntry> balanceChips() {
        String chip = "${item.%1$sText ? html`<span class=\"caseload-zone\" theme=\"${item.%1$sTheme}\" "
                + "data-zone=\"${item.%1$sZone}\" data-trend=\"${item.%1$sTrend}\" title=\"${item.%1$sTitle}\">"
                + "${item.%1$sText}</span>` : ''}";
        LitRenderer<CaseloadEntry> renderer = LitRenderer.of("<div class=\"" + String.join(" ",
                LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL,
                LumoUtility.AlignItems.START) + "\">"
                + chip.formatted("one") + chip.formatted("two") + "</div>");
        chipProperties(renderer, "one", CaseloadEntry::partnerOneZone, CaseloadEntry::partnerOneTrend,
                entry -> name(entry.partnerOne(), entry.partnerOnePreferred()));
        chipProperties(renderer, "two", CaseloadEntry::partnerTwoZone, CaseloadEntry::partnerTwoTrend,
                entry -> entry.partnerTwo() == null ? "" : name(entry.partnerTwo(), entry.partnerTwoPreferred()));
        return renderer;
    }

    /** One partner's chip: its text, zone, trend, colours and tooltip, each a property of the row. */
    private void chipProperties(LitRenderer<CaseloadEntry> renderer, String partner,
            ValueProvider<CaseloadEntry, @Nullable Zone> zone, ValueProvider<CaseloadEntry, @Nullable Trend> trend,
            ValueProvider<CaseloadEntry, String> name) {
        renderer.withProperty(partner + "Text", entry -> chipText(zone.apply(entry), trend.apply(entry)))
                .withProperty(partner + "Zone", entry -> nameOf(zone.apply(entry)))
                .withProperty(partner + "Trend", entry -> nameOf(trend.apply(entry)))
                .withProperty(partner + "Theme", entry -> chipTheme(zone.apply(entry)))
                .withProperty(partner + "Title", entry -> chipTitle(name.apply(entry), zone.apply(entry),
                        trend.apply(entry)));
    }

    private static String nameOf(@Nullable Enum<?> value) {
        return value == null ? "" : value.name();
    }

    private String chipText(@Nullable Zone zone, @Nullable Trend trend) {
        if (zone == null) {
            return "";
        }
        String arrow = trend == null ? "" : switch (trend) {
            case UP -> " ↑";
            case DOWN -> " ↓";
            case FLAT -> " →";
        };
        return getTranslation("balance.zone." + zone) + arrow;
    }

    private static String chipTheme(@Nullable Zone zone) {
        return zone == null ? "" : "badge small" + switch (zone) {
            case BALANCED -> " success";
            case DISTANT -> " warning";
            case DISCONNECTED -> " error";
            case FUSED -> "";
        };
    }

    private String chipTitle(String partner, @Nullable Zone zone, @Nullable Trend trend) {
        return zone == null ? "" : getTranslation("caseload.zone.title", partner,
                getTranslation("balance.zone.meaning." + zone),
                trend == null ? "" : getTranslation("caseload.trend." + trend.name()));
    }

    private final Grid<CaseloadEntry> grid = new Grid<>();
    private final CaseloadPages pages;
    private CoupleFilter filter = CoupleFilter.NONE;
    private Runnable forgetFocused = () -> {};
    private final ClinicTime time;


    CaseloadView(CaseloadService caseload, ClinicTime time) {
        H2 title = new H2(getTranslation("caseload.title"));
        title.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.XLARGE);
        Button newCouple = new Button(getTranslation("caseload.new-couple"), VaadinIcon.PLUS.create(),
                click -> UI.getCurrent().navigate(CoupleRoutes.NEW_COUPLE));
        newCouple.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout heading = new HorizontalLayout(title, newCouple);
        heading.setWidthFull();
        heading.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);

        TextField search = new TextField(getTranslation("caseload.search"));
        search.setPlaceholder(getTranslation("caseload.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(100);
        search.addClassNames(LumoUtility.Flex.GROW);

        MultiSelectComboBox<CoupleStatus> statuses = new MultiSelectComboBox<>(getTranslation("caseload.filter.status"));
        statuses.setItems(CoupleStatus.values());
        statuses.setItemLabelGenerator(status -> getTranslation("couple.status." + status.name()));
        statuses.setPlaceholder(getTranslation("caseload.filter.all-statuses"));
        statuses.setClearButtonVisible(true);

        Checkbox needsAttention = new Checkbox(getTranslation("caseload.filter.needs-attention"));
        needsAttention.setId("caseload-needs-attention");
        search.addValueChangeListener(change -> applyFilter(
                new CoupleFilter(change.getValue(), statuses.getValue(), needsAttention.getValue())));
        statuses.addValueChangeListener(change -> applyFilter(
                new CoupleFilter(search.getValue(), change.getValue(), needsAttention.getValue())));
        needsAttention.addValueChangeListener(change -> applyFilter(
                new CoupleFilter(search.getValue(), statuses.getValue(), change.getValue())));
        Button attentionFirst = new Button(getTranslation("caseload.sort.needs-attention-first"),
                VaadinIcon.SORT.create());
        attentionFirst.setId("caseload-needs-attention-first");
        HorizontalLayout filters = new HorizontalLayout(search, statuses, needsAttention, attentionFirst);
        filters.setWidthFull();
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        // Narrow enough for nine columns at 1280 px; a cut name is whole in its tooltip.
        grid.addColumn(entry -> name(entry.partnerOne(), entry.partnerOnePreferred()))
                .setHeader(getTranslation("caseload.column.partner-one"))
                .setTooltipGenerator(entry -> name(entry.partnerOne(), entry.partnerOnePreferred()))
                .setSortProperty(CaseloadSort.Column.PARTNER_ONE.name()).setWidth("7rem").setFlexGrow(2);
        grid.addColumn(entry -> entry.partnerTwo() == null ? "" : name(entry.partnerTwo(), entry.partnerTwoPreferred()))
                .setHeader(getTranslation("caseload.column.partner-two"))
                .setTooltipGenerator(entry -> entry.partnerTwo() == null ? "" : name(entry.partnerTwo(),
                        entry.partnerTwoPreferred()))
                .setSortProperty(CaseloadSort.Column.PARTNER_TWO.name()).setWidth("7rem").setFlexGrow(2);
        grid.addColumn(statusBadge())
                .setHeader(getTranslation("caseload.column.status"))
                .setSortProperty(CaseloadSort.Column.STATUS.name()).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> getTranslation(entry.coTherapist() ? "caseload.role.co-therapist" : "caseload.role.primary"))
                .setHeader(getTranslation("caseload.column.role"))
                .setSortProperty(CaseloadSort.Column.ROLE.name()).setAutoWidth(true).setFlexGrow(0);
        // The date of the last session is what matters; its time is in the tooltip.
        grid.addColumn(entry -> formatDate(entry.lastSession()))
                .setTooltipGenerator(entry -> format(entry.lastSession()))
                .setHeader(getTranslation("caseload.column.last-session"))
                .setSortProperty(CaseloadSort.Column.LAST_SESSION.name()).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> format(entry.nextSession()))
                .setHeader(getTranslation("caseload.column.next-session"))
                .setSortProperty(CaseloadSort.Column.NEXT_SESSION.name()).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(balanceChips()).setHeader(getTranslation("caseload.column.balance"))
                .setWidth("7.5rem").setFlexGrow(0);
        Grid.Column<CaseloadEntry> alerts = grid.addColumn(countBadge("caseload-alerts", "badge error primary",
                        entry -> entry.needsAttention() ? entry.alerts() : 0,
                        entry -> getTranslation("caseload.alerts.title", entry.alerts())))
                .setHeader(getTranslation("caseload.column.alerts"))
                .setSortProperty(CaseloadSort.Column.ALERTS.name())
                .setTextAlign(ColumnTextAlign.CENTER).setWidth("4.5rem").setFlexGrow(0);
        grid.addColumn(countBadge("caseload-overdue", "badge error",
                        CaseloadEntry::overdueModules,
                        entry -> getTranslation("caseload.overdue.title", entry.overdueModules()))).setHeader(getTranslation("caseload.column.overdue"))
                .setSortProperty(CaseloadSort.Column.OVERDUE_MODULES.name())
                .setTextAlign(ColumnTextAlign.CENTER).setWidth("5.5rem").setFlexGrow(0);
        attentionFirst.addClickListener(click -> grid.sort(
                List.of(new GridSortOrder<>(alerts, SortDirection.DESCENDING))));
        pages = new CaseloadPages(caseload);
        grid.setItems(query -> pages.fetch(filter, sortOf(query.getSortOrders()), query.getOffset(),
                        query.getLimit()),
                query -> caseload.count(filter));
        forgetFocused = GridRows.openOnClickOrEnter(grid, this::open);
        // Compact cells: nine columns fit a 1280 px screen beside the menu without scrolling sideways.
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("caseload.empty-start"));
        grid.setSizeFull();

        add(heading, filters, grid);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.SMALL, LumoUtility.Height.FULL, LumoUtility.BoxSizing.BORDER);
        this.time = time;
    }

    private void open(CaseloadEntry couple) {
        UI.getCurrent().navigate(CoupleRoutes.href(couple.coupleId(), CoupleRoutes.Tab.OVERVIEW));
    }

    private void applyFilter(CoupleFilter changed) {
        filter = changed;
        forgetFocused.run();
        grid.setEmptyStateText(getTranslation(filter.isEmpty() ? "caseload.empty-start" : "caseload.empty-filtered"));
        pages.forget();
        grid.getDataProvider().refreshAll();
    }

    private static List<CaseloadSort> sortOf(List<QuerySortOrder> orders) {
        return orders.stream()
                .map(order -> new CaseloadSort(CaseloadSort.Column.valueOf(order.getSorted()),
                        order.getDirection() == SortDirection.DESCENDING
                                ? CaseloadSort.Direction.DESCENDING
                                : CaseloadSort.Direction.ASCENDING))
                .toList();
    }

    private String name(String fullName, @Nullable String preferred) {
        return preferred == null || preferred.isBlank() || fullName.startsWith(preferred + " ")
                ? fullName
                : getTranslation("caseload.name-with-preferred", fullName, preferred);
    }

    /** In the clinic's time zone, like every other screen (ClinicFormat). */
    private String formatDate(@Nullable OffsetDateTime when) {
        return when == null ? "" : time.format(getLocale()).shortDate(when);
    }

    private String format(@Nullable OffsetDateTime when) {
        return when == null ? "" : time.format(getLocale()).shortDateTime(when);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("caseload.page-title");
    }
}
