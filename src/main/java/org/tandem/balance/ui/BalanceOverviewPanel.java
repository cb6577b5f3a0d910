package org.tandem.balance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tandem.balance.BalanceService;
import org.tandem.balance.Change;
import org.tandem.balance.CheckInService;
import org.tandem.balance.CoupleBalance;
import org.tandem.balance.CoupleBalance.CheckInLine;
import org.tandem.balance.CoupleBalance.PartnerBalance;
import org.tandem.balance.Scores;
import org.tandem.balance.Subscale;
import org.tandem.balance.Zone;
import org.tandem.clinic.ClinicFormat;
import org.tandem.clinic.ClinicTime;
import org.tandem.shell.chart.Chart;
import tools.jackson.databind.node.ObjectNode;

/**
 * The couple's balance on the Overview: the line that the measure is Tandem's own, each partner's latest scores
 * and zone with the change since baseline, the charts (scores over time with the balanced band, closeness, the
 * independence × intimacy plane), every check-in with its session's divergence, and a button to request a check-in
 * now. Every figure comes from the Overview's one snapshot ({@link BalanceService#overviewSnapshot}), read once for
 * all the balance sections; dates are in the clinic's time zone.
 */
class BalanceOverviewPanel extends Section {

    private final CheckInService checkIns;
    private final long coupleId;
    private final ClinicTime time;
    private final Div content = new Div();

    BalanceOverviewPanel(CheckInService checkIns, long coupleId, CoupleBalance figures, ClinicTime time) {
        this.checkIns = checkIns;
        this.coupleId = coupleId;
        this.time = time;
        setId("balance");
        addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.LARGE,
                LumoUtility.Padding.MEDIUM, LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.MEDIUM);

        H3 heading = new H3(getTranslation("balance.overview.title"));
        heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        Paragraph disclaimer = new Paragraph(getTranslation("balance.overview.disclaimer"));
        disclaimer.setId("balance-disclaimer");
        disclaimer.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        Button request = new Button(getTranslation("balance.overview.request"), VaadinIcon.PAPERPLANE.create(),
                click -> request());
        request.setId("balance-request");
        request.addClassNames(LumoUtility.AlignSelf.START);
        content.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM);
        add(heading, disclaimer, request, content);
        show(figures);
    }

    private void request() {
        int opened = checkIns.request(coupleId);
        Notification notification = opened > 0
                ? Notification.show(getTranslation("balance.overview.requested", opened), 5000,
                        Notification.Position.BOTTOM_START)
                : Notification.show(getTranslation("balance.overview.already-requested"), 5000,
                        Notification.Position.BOTTOM_START);
        notification.addThemeVariants(opened > 0 ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
    }

    private void show(CoupleBalance figures) {
        content.removeAll();
        if (figures.checkIns().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("balance.overview.empty"));
            empty.setId("balance-empty");
            content.add(empty);
            return;
        }
        Div partners = new Div();
        partners.addClassNames(LumoUtility.Display.GRID, LumoUtility.Grid.Column.COLUMNS_1,
                LumoUtility.Grid.Breakpoint.Large.COLUMNS_2, LumoUtility.Gap.MEDIUM);
        // In position order, like the charts' colours (position 1 first).
        figures.partners().stream().sorted(Comparator.comparingInt(PartnerBalance::partnerPosition))
                .forEach(partner -> partners.add(partner(partner, figures.provisional())));
        content.add(partners, charts(figures), checkInTable(figures.checkIns()));
    }

    private Component charts(CoupleBalance figures) {
        List<CheckInLine> lines = figures.checkIns();
        if (!BalanceCharts.anyScored(lines)) {
            Paragraph empty = new Paragraph(getTranslation("balance.overview.charts-empty"));
            empty.setId("balance-charts-empty");
            return empty;
        }
        BalanceCharts.Texts texts = new BalanceCharts.Texts(this::getTranslation, time.format(getLocale()));
        int threshold = figures.settings().threshold();
        Div pair = new Div(
                chart("balance-chart-closeness", "closeness", BalanceCharts.closenessOf(lines, texts), "16rem"),
                chart("balance-chart-plane", "plane", BalanceCharts.planeOf(lines, threshold, texts), "20rem"));
        pair.addClassNames(LumoUtility.Display.GRID, LumoUtility.Grid.Column.COLUMNS_1,
                LumoUtility.Grid.Breakpoint.Large.COLUMNS_2, LumoUtility.Gap.MEDIUM);
        Div charts = new Div(
                chart("balance-chart-scores", "scores", BalanceCharts.scoresOf(lines, threshold, texts), "20rem"),
                pair);
        charts.setId("balance-charts");
        charts.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM);
        return charts;
    }

    private Component chart(String id, String name, ObjectNode configuration, String height) {
        String title = getTranslation("balance.overview.chart." + name + "-title");
        Chart chart = new Chart(configuration);
        chart.setId(id);
        chart.setHeight(height);
        chart.getElement().setAttribute("role", "img");
        chart.getElement().setAttribute("aria-label", title);
        H4 heading = new H4(title);
        heading.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.NONE);
        Div figure = new Div(heading, chart);
        figure.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.MinWidth.NONE);
        return figure;
    }

    /** One row of a partner's table: a measure with its baseline, latest and change. */
    private record Figure(String measure, String baseline, String latest, @Nullable Change change,
            @Nullable Subscale subscale) {}

    private Component partner(PartnerBalance partner, boolean provisional) {
        Div card = new Div();
        card.addClassName("balance-partner");
        H4 name = new H4(partner.partnerName());
        name.addClassNames(LumoUtility.Margin.NONE);
        card.add(name);
        CoupleBalance.Point baseline = partner.baseline();
        CoupleBalance.Point latest = partner.latest();
        if (baseline == null || latest == null) {
            card.add(new Paragraph(getTranslation("balance.overview.not-scored")));
            return card;
        }
        Span zone = zone(latest.zone(), true);
        zone.addClassName("balance-latest-zone");
        card.add(new Div(zone));

        Change change = partner.change();
        Grid<Figure> table = new Grid<>();
        table.addColumn(Figure::measure).setHeader(getTranslation("balance.overview.measure")).setAutoWidth(true);
        table.addColumn(Figure::baseline).setHeader(getTranslation("balance.overview.baseline"));
        table.addColumn(Figure::latest).setHeader(getTranslation("balance.overview.latest"));
        table.addComponentColumn(figure -> change(figure, provisional))
                .setHeader(getTranslation("balance.overview.change")).setAutoWidth(true);
        table.setItems(List.of(
                figure(Subscale.INDEPENDENCE, baseline.scores(), latest.scores(), change),
                figure(Subscale.INTIMACY, baseline.scores(), latest.scores(), change),
                new Figure(getTranslation("balance.overview.lean"), signed(baseline.scores().lean()),
                        signed(latest.scores().lean()), null, null)));
        table.setAllRowsVisible(true);
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        card.add(table);
        return card;
    }

    private Figure figure(Subscale subscale, Scores baseline, Scores latest, @Nullable Change change) {
        return new Figure(getTranslation("balance.subscale." + subscale.name()), number(baseline.score(subscale)),
                number(latest.score(subscale)), change, subscale);
    }

    private Component change(Figure figure, boolean provisional) {
        Div cell = new Div();
        cell.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.XSMALL,
                LumoUtility.AlignItems.CENTER);
        Change change = figure.change();
        Subscale subscale = figure.subscale();
        if (change == null || subscale == null) {
            return cell;
        }
        cell.add(new Span(signed(change.change(subscale))));
        if (change.reliable(subscale)) {
            cell.add(badge(getTranslation("balance.overview.reliable"), "badge success", "balance-reliable"));
        }
        if (provisional) {
            cell.add(badge(getTranslation("balance.overview.provisional"), "badge contrast", "balance-provisional"));
        }
        return cell;
    }

    private Component checkInTable(List<CheckInLine> lines) {
        Grid<CheckInLine> table = new Grid<>();
        table.setId("balance-check-ins");
        ClinicFormat dates = time.format(getLocale());
        table.addColumn(line -> dates.date(line.sessionStartsAt() == null ? line.submittedAt() : line.sessionStartsAt()))
                .setHeader(getTranslation("balance.overview.date")).setAutoWidth(true);
        table.addColumn(CheckInLine::partnerName).setHeader(getTranslation("balance.overview.partner"))
                .setAutoWidth(true);
        table.addColumn(line -> number(line.scores().independence()))
                .setHeader(getTranslation("balance.subscale.INDEPENDENCE"));
        table.addColumn(line -> number(line.scores().intimacy()))
                .setHeader(getTranslation("balance.subscale.INTIMACY"));
        table.addComponentColumn(line -> line.zone() == null ? new Span() : zone(line.zone(), false))
                .setHeader(getTranslation("balance.overview.zone")).setAutoWidth(true);
        table.addComponentColumn(this::divergence).setHeader(getTranslation("balance.overview.divergence"))
                .setAutoWidth(true);
        table.setItems(lines.reversed());
        table.setAllRowsVisible(true);
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        return table;
    }

    private Component divergence(CheckInLine line) {
        Div cell = new Div(new Span(number(line.divergence())));
        cell.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.XSMALL, LumoUtility.AlignItems.CENTER);
        if (line.diverged()) {
            cell.add(badge(getTranslation("balance.overview.diverged"), "badge error", "balance-diverged"));
        }
        return cell;
    }

    private Span zone(Zone zone, boolean withMeaning) {
        String name = getTranslation("balance.zone." + zone.name());
        String text = withMeaning
                ? getTranslation("balance.overview.zone-meaning", name, getTranslation("balance.zone.meaning." + zone.name()))
                : name;
        Span chip = badge(text, switch (zone) {
            case BALANCED -> "badge success";
            case DISTANT -> "badge warning";
            case FUSED -> "badge";
            case DISCONNECTED -> "badge error";
        }, "balance-zone");
        chip.getElement().setAttribute("title", getTranslation("balance.zone.meaning." + zone.name()));
        return chip;
    }

    private static Span badge(String text, String theme, String className) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(theme);
        badge.addClassName(className);
        return badge;
    }

    private String number(@Nullable BigDecimal value) {
        return value == null ? getTranslation("balance.overview.none") : value.toPlainString();
    }

    private String signed(@Nullable BigDecimal value) {
        if (value == null) {
            return getTranslation("balance.overview.none");
        }
        return value.signum() > 0 ? "+" + value.toPlainString() : value.toPlainString();
    }
}
