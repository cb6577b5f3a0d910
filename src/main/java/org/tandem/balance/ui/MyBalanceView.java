package org.tandem.balance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.Role;
import org.tandem.balance.ChangeWords;
import org.tandem.balance.MyBalance;
import org.tandem.balance.MyBalance.MyScore;
import org.tandem.balance.MyBalanceService;
import org.tandem.balance.Subscale;
import org.tandem.balance.Zone;
import org.tandem.clinic.ClinicFormat;
import org.tandem.clinic.ClinicTime;
import org.tandem.couples.CoupleService;
import org.tandem.couples.MyCouple;
import org.tandem.shell.chart.Chart;

/**
 * A partner's own balance, on a phone or a laptop: their check-ins over time in encouraging words (never the zone
 * codes the therapist sees), the place of the chart, a table of their own scores, their partner's beside them only
 * while both agree to share, the share switch with what it means, and their open check-ins.
 */
@Route(BalanceRoutes.MY_BALANCE)
@RolesAllowed(Role.Names.CLIENT)
@Menu(order = 36, title = "menu.my-balance", icon = "vaadin:chart-line")
class MyBalanceView extends Main implements BeforeEnterObserver, HasDynamicTitle {


    private final MyBalanceService balance;
    private final CheckInCard openCheckIns;
    private final ClinicTime time;
    private final CoupleService couples;

    MyBalanceView(MyBalanceService balance, CheckInCard openCheckIns, ClinicTime time, CoupleService couples) {
        this.balance = balance;
        this.openCheckIns = openCheckIns;
        this.time = time;
        this.couples = couples;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Gap.MEDIUM, LumoUtility.MaxWidth.SCREEN_MEDIUM, LumoUtility.BoxSizing.BORDER);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("balance.mine.page-title");
    }

    // Built on every visit, so that following the menu entry again shows the latest check-in.
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show();
    }

    private void show() {
        removeAll();
        H2 title = new H2(getTranslation("balance.mine.title"));
        title.addClassNames(LumoUtility.Margin.NONE);
        Paragraph intro = new Paragraph(getTranslation("balance.mine.intro"));
        intro.addClassNames(LumoUtility.Margin.NONE, LumoUtility.TextColor.SECONDARY);
        add(title, intro);
        Component open = openCheckIns.create();
        if (open != null) {
            add(open);
        }
        MyBalance mine = balance.mine();
        add(progress(mine));
        if (mine.partnerName() != null) {
            add(sharing(mine, mine.partnerName()));
        }
    }

    private Section progress(MyBalance mine) {
        Section section = new Section();
        section.setId("my-balance-progress");
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM);
        MyScore latest = mine.latest();
        if (mine.myScores().isEmpty() || latest == null) {
            Paragraph empty = new Paragraph(getTranslation(mine.myScores().isEmpty() ? "balance.mine.empty"
                    : "balance.mine.not-scored"));
            empty.setId("my-balance-empty");
            section.add(empty);
            return section;
        }
        Div words = new Div();
        words.setId("my-balance-words");
        words.add(new Paragraph(getTranslation("balance.mine.words." + zone(latest))));
        @Nullable String therapist = null;
        for (Subscale subscale : Subscale.values()) {
            ChangeWords change = mine.words(subscale);
            if (change != null) {
                String key = "balance.mine.change." + subscale.name() + "." + change.name();
                if (change.pointsToTherapist() && therapist == null) {
                    therapist = therapist();
                }
                Paragraph sentence = new Paragraph(change.pointsToTherapist() ? getTranslation(key, therapist)
                        : getTranslation(key));
                sentence.addClassName("my-balance-change");
                words.add(sentence);
            }
        }
        if (mine.myScored().size() < 2) {
            words.add(new Paragraph(getTranslation("balance.mine.first")));
        }
        Chart chart = new Chart(BalanceCharts.scoresOf(mine.lines(), mine.threshold(),
                new BalanceCharts.Texts(this::partnersWords, time.format(getLocale()))));
        chart.setId("my-balance-chart");
        chart.setWidthFull();
        chart.setHeight("16rem");
        chart.getElement().setAttribute("role", "img");
        chart.getElement().setAttribute("aria-label", getTranslation("balance.mine.chart.title"));
        section.add(words, chart, table("my-balance-scores", getTranslation("balance.mine.yours"), mine.myScores()));
        if (mine.bothShare()) {
            section.add(table("my-balance-partner-scores",
                    getTranslation("balance.mine.partners", mine.partnerName()), mine.partnerScores()));
        }
        return section;
    }

    /** The couple's primary therapist by name, whom a reliable fall points to. */
    private String therapist() {
        return couples.myCouple().map(MyCouple::therapistNames).filter(names -> !names.isEmpty())
                .map(List::getFirst).orElseGet(() -> getTranslation("balance.mine.your-therapist"));
    }

    /** The chart in a partner's words: "Room for yourself" and "Closeness", the band as "both feel good". */
    private String partnersWords(String key, Object... params) {
        String partners = switch (key) {
            case "balance.overview.chart.INDEPENDENCE" -> "balance.mine.subscale.INDEPENDENCE";
            case "balance.overview.chart.INTIMACY" -> "balance.mine.subscale.INTIMACY";
            case "balance.overview.chart.band" -> "balance.mine.chart.band";
            case "balance.overview.chart.threshold" -> "balance.mine.chart.threshold";
            case "balance.overview.chart.score-axis" -> "balance.mine.chart.axis";
            default -> key;
        };
        return getTranslation(partners, params);
    }

    private static String zone(MyScore latest) {
        Zone zone = latest.zone();
        return zone == null ? "none" : zone.name();
    }

    private Div table(String id, String caption, List<MyScore> scores) {
        H3 heading = new H3(caption);
        heading.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.NONE);
        ClinicFormat dates = time.format(getLocale());
        Grid<MyScore> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(score -> dates.date(score.submittedAt())).setHeader(getTranslation("balance.mine.date"))
                .setAutoWidth(true);
        grid.addColumn(score -> number(score.independence()))
                .setHeader(getTranslation("balance.mine.subscale.INDEPENDENCE"));
        grid.addColumn(score -> number(score.intimacy())).setHeader(getTranslation("balance.mine.subscale.INTIMACY"));
        grid.setItems(scores.reversed());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        Div table = new Div(heading, grid);
        table.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        return table;
    }

    private String number(@Nullable BigDecimal value) {
        return value == null ? getTranslation("balance.overview.none") : value.toPlainString();
    }

    private Section sharing(MyBalance mine, String partner) {
        Section section = new Section();
        section.setId("my-balance-sharing");
        section.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.LARGE,
                LumoUtility.Padding.MEDIUM);
        H3 heading = new H3(getTranslation("balance.mine.sharing.title"));
        heading.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.NONE);
        Paragraph explanation = new Paragraph(getTranslation("balance.mine.sharing.explanation", partner));
        explanation.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.SMALL);
        Checkbox share = new Checkbox(getTranslation("balance.mine.sharing.label", partner), mine.iShare());
        share.setId("my-balance-share");
        share.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                balance.share(change.getValue());
                show();
            }
        });
        String state = mine.bothShare() ? "both" : mine.iShare() ? "me" : mine.partnerShares() ? "partner" : "none";
        Paragraph status = new Paragraph(getTranslation("balance.mine.sharing." + state, partner));
        status.setId("my-balance-sharing-status");
        status.addClassNames(LumoUtility.Margin.NONE, LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        section.add(heading, explanation, share, status);
        return section;
    }
}
