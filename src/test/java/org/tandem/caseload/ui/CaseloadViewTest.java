package org.tandem.caseload.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.BALANCE_SUMMARY;
import static org.tandem.jooq.Tables.PARTNER;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.caseload.CaseloadEntry;
import org.tandem.couples.CoupleStatus;
import org.tandem.support.AuditTrail;
import org.tandem.support.DemoTest;
import org.tandem.support.SignIn;

@DemoTest
@ViewPackages(packages = "org.tandem")
class CaseloadViewTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired SignIn signIn;

    /**
     * Signs in through the application's own security context strategy as well as the static holder:
     * {@code @WithUserDetails} sets only the latter, which another test context started later may own.
     */
    @BeforeEach
    void sign_in() {
        signIn.as("therapist@example.com");
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @SuppressWarnings("unchecked")
    private Grid<CaseloadEntry> grid() {
        return $(Grid.class).single();
    }

    private List<String> column(int index) {
        Grid<CaseloadEntry> grid = grid();
        return IntStream.range(0, test(grid).size()).mapToObj(row -> test(grid).getCellText(row, index)).toList();
    }

    private String currentPath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    @Test
    void shows_every_couple_with_names_status_role_sessions_balance_alerts_and_overdue_modules() {
        navigate("caseload", Component.class);

        Grid<CaseloadEntry> grid = grid();
        assertThat(IntStream.range(0, 9).mapToObj(test(grid)::getHeaderCell)).containsExactly("Partner", "Partner",
                "Status", "Your role", "Last session", "Next session", "Balance", "Alerts", "Overdue");
        assertThat(test(grid).size()).isEqualTo(9);
        assertThat(column(0)).startsWith("Aisha Khan", "Alex Morgan", "Daniel Okafor (Dan)");
        assertThat(column(1)).contains("Tom Becker (Tommy)", "Samira Patel (Sam)");
        assertThat(column(3)).containsOnly("Primary", "Co-therapist");
        assertThat(column(6)).as("each partner's zone chip with the trend since baseline")
                .allMatch(text -> text.matches("((Balanced|Distant|Fused|Disconnected) [↑↓→])*"))
                .anyMatch(text -> text.contains("Balanced ↑"));
        assertThat(column(7)).as("alerts: a count where there are any")
                .allMatch(text -> text.isEmpty() || text.matches("[1-9][0-9]*")).anyMatch(text -> !text.isEmpty());
        assertThat(column(8)).as("overdue modules: a count where there are any")
                .allMatch(text -> text.isEmpty() || text.matches("[1-9][0-9]*")).anyMatch(text -> !text.isEmpty());
    }

    @Test
    void search_by_either_partners_name_narrows_the_grid() {
        navigate("caseload", Component.class);

        test($(TextField.class).single()).setValue("samira");

        assertThat(column(0)).containsExactly("Alex Morgan");
    }

    @Test
    void status_filter_narrows_the_grid_and_an_empty_result_says_what_to_do() {
        navigate("caseload", Component.class);

        $(MultiSelectComboBox.class).single().setValue(Set.of(CoupleStatus.PAUSED));
        assertThat(column(0)).containsExactly("Hannah Becker");

        test($(TextField.class).single()).setValue("nobody-like-this");
        assertThat(test(grid()).size()).isZero();
        assertThat(grid().getEmptyStateText()).isEqualTo(
                "No couples match this search and status. Clear the search or choose all statuses.");
    }

    @Test
    void alexs_row_shows_alex_moving_into_balanced_as_a_green_chip_with_an_up_arrow() {
        navigate("caseload", Component.class);

        int row = column(0).indexOf("Alex Morgan");
        Component chips = test(grid()).getCellComponent(row, 6);
        Span alex = chips.getChildren().map(Span.class::cast)
                .filter(span -> span.getElement().getAttribute("title").startsWith("Alex Morgan:"))
                .findFirst().orElseThrow();
        assertThat(alex.hasClassName("caseload-zone")).isTrue();
        assertThat(alex.getText()).isEqualTo("Balanced ↑");
        assertThat(alex.getElement().getThemeList()).contains("badge", "small", "success");
        assertThat(alex.getElement().getAttribute("title"))
                .isEqualTo("Alex Morgan: interdependent, reliably up since the first check-in");
    }

    @Test
    void needs_attention_keeps_only_couples_with_open_alerts() {
        // Every alert of Alex and Sam acknowledged.
        dsl.update(BALANCE_SUMMARY).set(BALANCE_SUMMARY.ALERTS, 0)
                .where(BALANCE_SUMMARY.COUPLE_ID.in(dsl.select(PARTNER.COUPLE_ID).from(PARTNER)
                        .where(PARTNER.FULL_NAME.eq("Alex Morgan"))))
                .execute();
        navigate("caseload", Component.class);
        int all = test(grid()).size();

        test($(Checkbox.class).id("caseload-needs-attention")).click();

        assertThat(test(grid()).size()).isPositive().isLessThan(all);
        assertThat(column(7)).allMatch(text -> text.matches("[1-9][0-9]*"));
        assertThat(column(0)).doesNotContain("Alex Morgan");
    }

    @Test
    void needs_attention_first_sorts_by_open_alerts_descending() {
        navigate("caseload", Component.class);

        test($(Button.class).id("caseload-needs-attention-first")).click();

        List<Integer> counts = column(7).stream().map(text -> text.isEmpty() ? 0 : Integer.parseInt(text)).toList();
        assertThat(counts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(counts.getFirst()).isPositive();
    }

    @Test
    void every_data_column_sorts_in_the_database() {
        navigate("caseload", Component.class);
        Grid<CaseloadEntry> grid = grid();
        for (int index = 0; index < 6; index++) {
            assertThat(test(grid).isColumnSortable(index)).as("column " + index).isTrue();
        }

        test(grid).sortByColumn(0, SortDirection.DESCENDING);
        assertThat(column(0).getFirst()).isEqualTo("Wei Chen");
        test(grid).sortByColumn(3, SortDirection.DESCENDING);
        assertThat(column(0).getFirst()).isEqualTo("Kwame Mensah");
    }

    @Test
    void each_page_the_grid_reads_is_audited() {
        AuditTrail trail = AuditTrail.from(dsl);

        navigate("caseload", Component.class);
        test(grid()).size();

        assertThat(trail.since("caseload.read")).isNotEmpty();
    }

    @Test
    void clicking_a_couple_opens_its_page() {
        navigate("caseload", Component.class);
        long alexAndSam = dsl.select(PARTNER.COUPLE_ID).from(PARTNER).where(PARTNER.EMAIL.eq("alex@example.com"))
                .fetchSingle(PARTNER.COUPLE_ID);

        test(grid()).clickRow(1);

        assertThat(currentPath()).isEqualTo("couples/" + alexAndSam);
    }

    @Test
    void new_couple_leads_to_the_couple_form() {
        navigate("caseload", Component.class);

        test($(Button.class).all().stream().filter(button -> "New couple".equals(button.getText())).findFirst()
                .orElseThrow()).click();

        assertThat(currentPath()).isEqualTo("couples/new");
    }

    @Test
    void an_empty_caseload_says_what_to_do() {
        navigate("caseload", Component.class);

        assertThat(grid().getEmptyStateText()).startsWith("No couples on your caseload yet. Add one with \"New couple\"");
    }
}
