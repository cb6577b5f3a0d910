package org.tandem.caseload.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
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
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TestModules;

/** The caseload as the therapist uses it: columns, search, filters, sorting, and opening a couple. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class CaseloadViewTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;

    Clinic clinic;
    Person jordan;
    Couple alexAndSam;

    /**
     * Jordan's caseload, by the first partner's name: Aisha and Omar, with a module three days past its due date;
     * Alex and Sam, Alex moved reliably from low on both into balanced and Sam once checked in leaning towards too
     * little independence; Daniel and Grace, with a session tomorrow and neither checked in for it (two alerts);
     * Hannah and Tom, paused; Priya's Kwame and Ama, of whom Jordan is co-therapist, Kwame gone from balanced to
     * distant (one alert); Wei and Jamie.
     */
    @BeforeEach
    void a_caseload() {
        clinic = fixtures.clinic("Riverside Counselling");
        jordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
        Person priya = fixtures.therapist(clinic, "Priya Nair");
        Couple aisha = fixtures.couple(jordan, "Aisha Khan", "Omar Haddad");
        alexAndSam = fixtures.couple(jordan, "Alex Morgan", "Alex", "Samira Patel", "Sam");
        Couple daniel = fixtures.couple(jordan, "Daniel Okafor", "Dan", "Grace Okafor", null);
        fixtures.status(jordan, fixtures.couple(jordan, "Hannah Becker", null, "Tom Becker", "Tommy"),
                CoupleStatus.PAUSED);
        Couple kwame = fixtures.couple(priya, "Kwame Mensah", "Ama Mensah");
        fixtures.coTherapist(fixtures.admin(clinic, "Morgan Ellis"), kwame, jordan);
        fixtures.couple(jordan, "Wei Chen", "Jamie Chen");

        fixtures.checkIn(jordan, alexAndSam, alexAndSam.one(), 3, 3, 3, 3, 3, 3, 3, 3, 3, 3); // 50 and 50
        fixtures.checkIn(jordan, alexAndSam, alexAndSam.one(), 6, 6, 0, 6, 6, 6, 6, 6, 0, 6); // 100 and 100
        fixtures.checkIn(jordan, alexAndSam, alexAndSam.two(), 1, 1, 5, 1, 1, 5, 5, 5, 1, 5); // 16.7 and 83.3
        fixtures.checkIn(priya, kwame, kwame.one(), 5, 5, 1, 5, 5, 4, 4, 4, 1, 4); // 83.3 and 70
        fixtures.checkIn(priya, kwame, kwame.one(), 5, 5, 1, 5, 5, 3, 3, 3, 3, 3); // 83.3 and 50: not reliable
        fixtures.session(jordan, daniel, LocalDateTime.now(clock).plusDays(1));
        long module = TestModules.publish(dsl, jordan.email(), TestModules.everyKind("Listening"));
        clock.advance(Duration.ofDays(-3));
        fixtures.assignment(jordan, aisha, module, LocalDate.now(clock));
        clock.reset();

        signIn.as(jordan.email());
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
        return IntStream.range(0, test(grid).size()).mapToObj(row -> cell(grid, row, index)).toList();
    }

    /** A cell's text: the status, balance, alert and overdue cells are Lit templates filled from their properties. */
    private String cell(Grid<CaseloadEntry> grid, int row, int index) {
        return switch (index) {
            case 2 -> property(grid, row, index, "text");
            case 6 -> property(grid, row, index, "oneText") + property(grid, row, index, "twoText");
            case 7, 8 -> {
                int count = test(grid).getLitRendererPropertyValue(row, index, "count", Integer.class);
                yield count == 0 ? "" : String.valueOf(count);
            }
            default -> test(grid).getCellText(row, index);
        };
    }

    private String property(Grid<CaseloadEntry> grid, int row, int index, String name) {
        return test(grid).getLitRendererPropertyValue(row, index, name, String.class);
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
        assertThat(test(grid).size()).isEqualTo(6);
        assertThat(column(0)).containsExactly("Aisha Khan", "Alex Morgan", "Daniel Okafor (Dan)", "Hannah Becker",
                "Kwame Mensah", "Wei Chen");
        assertThat(column(1)).contains("Tom Becker (Tommy)", "Samira Patel (Sam)");
        assertThat(column(2)).containsExactly("Active", "Active", "Active", "Paused", "Active", "Active");
        assertThat(column(3)).containsExactly("Primary", "Primary", "Primary", "Primary", "Co-therapist", "Primary");
        assertThat(column(5).get(2)).as("Daniel and Grace's session tomorrow").isNotEmpty();
        assertThat(column(6)).as("each partner's zone chip with the trend since baseline")
                .allMatch(text -> text.matches("((Balanced|Distant|Fused|Disconnected) [↑↓→])*"))
                .containsExactly("", "Balanced ↑Fused →", "", "", "Distant →", "");
        assertThat(column(7)).as("alerts: a count where there are any").containsExactly("", "", "2", "", "1", "");
        assertThat(column(8)).as("overdue modules: a count where there are any")
                .containsExactly("1", "", "", "", "", "");
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
        Grid<CaseloadEntry> grid = grid();
        assertThat(property(grid, row, 6, "oneTitle")).startsWith("Alex Morgan:");
        assertThat(property(grid, row, 6, "oneText")).isEqualTo("Balanced ↑");
        assertThat(property(grid, row, 6, "oneZone")).isEqualTo("BALANCED");
        assertThat(property(grid, row, 6, "oneTrend")).isEqualTo("UP");
        assertThat(property(grid, row, 6, "oneTheme").split(" ")).contains("badge", "small", "success");
        assertThat(property(grid, row, 6, "oneTitle"))
                .isEqualTo("Alex Morgan: interdependent, reliably up since the first check-in");
    }

    @Test
    void needs_attention_keeps_only_couples_with_open_alerts() {
        navigate("caseload", Component.class);
        int all = test(grid()).size();

        test($(Checkbox.class).id("caseload-needs-attention")).click();

        assertThat(test(grid()).size()).isPositive().isLessThan(all);
        assertThat(column(7)).allMatch(text -> text.matches("[1-9][0-9]*"));
        assertThat(column(0)).containsExactly("Daniel Okafor (Dan)", "Kwame Mensah").doesNotContain("Alex Morgan");
    }

    @Test
    void needs_attention_first_sorts_by_open_alerts_descending() {
        navigate("caseload", Component.class);

        test($(Button.class).id("caseload-needs-attention-first")).click();

        List<Integer> counts = column(7).stream().map(text -> text.isEmpty() ? 0 : Integer.parseInt(text)).toList();
        assertThat(counts).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(counts.getFirst()).isPositive();
        assertThat(column(0)).startsWith("Daniel Okafor (Dan)", "Kwame Mensah");
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

        assertThat(trail.since("caseload.read")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.getActorAccountId()).isEqualTo(jordan.accountId()));
    }

    @Test
    void clicking_a_couple_opens_its_page() {
        navigate("caseload", Component.class);

        test(grid()).clickRow(1);

        assertThat(currentPath()).isEqualTo("couples/" + alexAndSam.id());
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
        signIn.as(fixtures.therapist(clinic, "Kim Newcomer").email());
        navigate("caseload", Component.class);

        assertThat(test(grid()).size()).isZero();
        assertThat(grid().getEmptyStateText()).startsWith("No couples on your caseload yet. Add one with \"New couple\"");
    }
}
