package org.tandem.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.MODULE;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.workbook.Category;
import org.tandem.workbook.ModuleLibrary;
import org.tandem.workbook.NewModule;
import org.tandem.workbook.ModuleSummary;

/** The library list, a module's page and the way into the editor, as a therapist uses them; refused to others. */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class LibraryViewTest extends SpringBrowserlessTest {

    @Autowired ModuleLibrary library;
    @Autowired DSLContext dsl;
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    Fixtures.Person therapist;
    Fixtures.Person admin;
    Fixtures.Couple couple;

    /** Signed in as a therapist unless a test signs in as someone else. Committed: refusals are recorded apart. */
    @BeforeEach
    void a_therapist_signs_in() {
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Riverside Couples Practice");
            therapist = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            admin = fixtures.admin(clinic, "Morgan Office");
            couple = fixtures.couple(therapist, "Alex Morgan", "Samira Patel");
        });
        signIn.as(therapist.email());
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    String open(String route) {
        navigate(route, Component.class);
        return getCurrentView().getClass().getSimpleName();
    }

    String currentPath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    @SuppressWarnings("unchecked")
    Grid<ModuleSummary> grid() {
        return $(Grid.class).single();
    }

    List<String> titles() {
        Grid<ModuleSummary> grid = grid();
        return IntStream.range(0, test(grid).size()).mapToObj(row -> test(grid).getRow(row).title()).toList();
    }

    List<String> badges(int row) {
        return $(Span.class, test(grid()).getCellComponent(row, 4)).all().stream().map(Span::getText).toList();
    }

    Button button(String text) {
        return $(Button.class).all().stream().filter(b -> text.equals(b.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text));
    }

    long builtIn(String title) {
        return library.search(title, null).stream().filter(m -> m.builtIn() && m.title().equals(title)).findFirst()
                .orElseThrow().moduleId();
    }

    @Test
    void lists_built_in_and_clinic_modules_with_category_length_steps_and_state() {
        long draft = library.create(new NewModule("Our repair ritual", Category.RITUALS_OF_TOGETHERNESS));

        assertThat(open("library")).isEqualTo("LibraryView");

        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Library");
        List<ModuleSummary> all = library.search("", null);
        assertThat(test(grid()).size()).isEqualTo(all.size()).isGreaterThanOrEqualTo(17);
        int recharges = titles().indexOf("What recharges me");
        assertThat(recharges).isNotNegative();
        assertThat(test(grid()).getCellText(recharges, 1)).isEqualTo("Reflective exercises");
        assertThat(test(grid()).getCellText(recharges, 2)).endsWith(" min");
        assertThat(badges(recharges)).containsExactly("Built-in");
        int ours = titles().indexOf("Our repair ritual");
        assertThat(badges(ours)).containsExactly("Your clinic", "Draft — not published");
        assertThat(test(grid()).getCellText(ours, 3)).isEqualTo("0");
        assertThat(test(grid()).getRow(ours).moduleId()).isEqualTo(draft);
    }

    @Test
    void search_and_category_narrow_the_list_and_no_match_says_what_to_do() {
        open("library");

        test($(TextField.class).single()).setValue("recharges");
        assertThat(titles()).contains("What recharges me").allSatisfy(title -> assertThat(
                library.search("recharges", null)).extracting(ModuleSummary::title).contains(title));

        test($(TextField.class).single()).setValue("");
        test($(Select.class).single()).selectItem("Goal setting");
        assertThat(titles()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(grid().getListDataView().getItems()).allMatch(m -> m.category() == Category.GOAL_SETTING);

        test($(TextField.class).single()).setValue("nothing-is-called-like-this");
        assertThat(test(grid()).size()).isZero();
        assertThat(grid().getEmptyStateText())
                .isEqualTo("No modules match this search and category. Clear the search or choose all categories.");
    }

    @Test
    void clicking_a_module_opens_its_page() {
        open("library");
        int row = titles().indexOf("What recharges me");

        test(grid()).clickRow(row);

        assertThat(currentPath()).isEqualTo("library/" + builtIn("What recharges me"));
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ModuleView");
    }

    @Test
    void a_new_module_needs_a_title_and_opens_in_the_editor() {
        open("library");
        test(button("New module")).click();
        Dialog dialog = $(Dialog.class).single();

        test(button("Create and edit")).click();
        TextField title = $(TextField.class, dialog).single();
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Give the module a title of 3 to 120 characters.");
        @SuppressWarnings("unchecked")
        Select<Category> category = $(Select.class, dialog).single();
        assertThat(category.getErrorMessage()).isEqualTo("Choose a category.");

        test(title).setValue("Slow mornings");
        test(category).selectItem("Rituals of togetherness");
        test(button("Create and edit")).click();

        ModuleSummary created = library.search("Slow mornings", null).getFirst();
        assertThat(created.builtIn()).isFalse();
        assertThat(created.category()).isEqualTo(Category.RITUALS_OF_TOGETHERNESS);
        assertThat(currentPath()).isEqualTo("library/" + created.moduleId() + "/edit");
    }

    @Test
    void a_new_module_with_a_too_short_title_is_told_so_beside_the_title_and_nothing_is_created() {
        int before = library.search("", null).size();
        open("library");
        test(button("New module")).click();
        Dialog dialog = $(Dialog.class).single();
        TextField title = $(TextField.class, dialog).single();
        @SuppressWarnings("unchecked")
        Select<Category> category = $(Select.class, dialog).single();

        test(title).setValue("Us");
        test(category).selectItem("Boundaries");
        test(button("Create and edit")).click();

        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Give the module a title of 3 to 120 characters.");
        assertThat(category.isInvalid()).isFalse();
        assertThat(library.search("", null)).hasSize(before);
        assertThat(currentPath()).isEqualTo("library");
    }

    @Test
    void a_built_in_module_opens_in_preview_and_offers_only_a_copy_to_edit() {
        long id = builtIn("What recharges me");

        assertThat(open("library/" + id)).isEqualTo("ModuleView");

        assertThat($(H2.class).all()).extracting(H2::getText).contains("What recharges me");
        assertThat($(Span.class).all()).extracting(Span::getText).contains("Built-in", "Step 1 of "
                + library.draft(id).content().steps().size());
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(
                "This is a preview, as a partner will see it. Try the steps: nothing you enter here is saved.",
                "Built-in modules are read-only. Duplicate one to get a copy in your clinic's library that you can change.");
        assertThat($(Button.class).all()).extracting(Button::getText).doesNotContain("Edit")
                .contains("Duplicate to edit");

        test(button("Duplicate to edit")).click();

        ModuleSummary copy = library.search("What recharges me (copy)", null).getFirst();
        assertThat(copy.builtIn()).isFalse();
        assertThat(currentPath()).isEqualTo("library/" + copy.moduleId() + "/edit");
    }

    @Test
    void a_clinic_module_never_published_shows_its_draft_labelled_and_can_be_edited() {
        long id = library.create(new NewModule("Our repair ritual", Category.RITUALS_OF_TOGETHERNESS));

        open("library/" + id);

        assertThat($(Span.class).all()).extracting(Span::getText).contains("Your clinic", "Draft — not published");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(
                "Not published yet: this is the draft. Publish it from the editor before assigning it.",
                "This module has no steps yet.");
        test(button("Edit")).click();
        assertThat(currentPath()).isEqualTo("library/" + id + "/edit");
    }

    @Test
    void the_editor_of_a_built_in_sends_the_therapist_to_its_page_with_a_note() {
        long id = builtIn("What recharges me");

        assertThat(open("library/" + id + "/edit")).isEqualTo("ModuleView");

        assertThat(currentPath()).isEqualTo("library/" + id);
        assertThat($(Notification.class).all()).extracting(n -> test(n).getText())
                .contains("Built-in modules are read-only. Duplicate it to edit a copy.");
    }

    @Test
    void another_clinics_module_and_nonsense_ids_are_refused() {
        Fixtures.Person northside = fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park");
        long theirs = signIn.during(northside.email(),
                () -> library.create(new NewModule("Northside only", Category.BOUNDARIES)));

        assertThat(open("library/" + theirs)).isEqualTo("AccessDeniedView");
        assertThat(open("library/" + theirs + "/edit")).isEqualTo("AccessDeniedView");
        assertThat(open("library/999999999")).isEqualTo("AccessDeniedView");
        assertThat(open("library/not-a-number")).isEqualTo("AccessDeniedView");
        open("library");
        assertThat(titles()).doesNotContain("Northside only");
    }

    @Test
    void a_partner_cannot_open_the_library() {
        signIn.as(couple.one().email());
        assertEveryLibraryPageRefused();
    }

    @Test
    void an_admin_cannot_open_the_library() {
        signIn.as(admin.email());
        assertEveryLibraryPageRefused();
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).doesNotContain("Library");
    }

    private void assertEveryLibraryPageRefused() {
        long id = dsl.select(MODULE.ID).from(MODULE).where(MODULE.BUILTIN_KEY.eq("reflect-what-recharges-me"))
                .fetchSingle(MODULE.ID);
        assertThat(open("library")).isEqualTo("AccessDeniedView");
        assertThat(open("library/" + id)).isEqualTo("AccessDeniedView");
        assertThat(open("library/" + id + "/edit")).isEqualTo("AccessDeniedView");
    }
}
