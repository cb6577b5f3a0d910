package org.tandem.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.i18n.DefaultI18NProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.audit.AuditEntry;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

@IntegrationTest
@ViewPackages(packages = "org.tandem")
class AuditLogViewTest extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired SignIn signIn;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationEventPublisher events;
    @Autowired TestClock clock;
    AuditTrail trail;
    Person admin;
    Person jordan;
    Couple alexAndSam;

    /** Committed: refusals are audited in a transaction of their own, which must see the accounts. */
    @BeforeEach
    void a_clinic_and_the_audit_trail_marked() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(clinic, "Morgan Ellis");
            jordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            alexAndSam = fixtures.couple(jordan, "Alex Morgan", "Samira Patel");
        });
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** Jordan opens the caseload {@code times} times, a second apart, from 203.0.113.7 (a row as a request writes). */
    private void caseloadReads(int times) {
        for (int i = 0; i < times; i++) {
            clock.advance(Duration.ofSeconds(1));
            events.publishEvent(new AuditEvent(jordan.clinicId(), jordan.accountId(), jordan.email(),
                    AuditAction.CASELOAD_READ, Subject.account(jordan.accountId()), Outcome.SUCCESS,
                    "offset 0, " + i + " couples"));
        }
    }

    @SuppressWarnings("unchecked")
    private Grid<AuditEntry> grid() {
        return $(Grid.class).single();
    }

    private List<String> column(int index) {
        Grid<AuditEntry> grid = grid();
        return IntStream.range(0, test(grid).size()).mapToObj(row -> test(grid).getCellText(row, index)).toList();
    }

    private Button button(String text) {
        return $(Button.class).all().stream().filter(button -> text.equals(button.getText())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String label) {
        return $(ComboBox.class).all().stream().filter(box -> label.equals(box.getLabel())).findFirst().orElseThrow();
    }

    private DatePicker date(String label) {
        return $(DatePicker.class).all().stream().filter(box -> label.equals(box.getLabel())).findFirst().orElseThrow();
    }

    @Test
    void the_admin_reads_who_did_what_to_which_record_when_and_from_where_newest_first() {
        signIn.as(jordan.email());
        events.publishEvent(AuditEvent.of(signIn.as(jordan.email()), AuditAction.COUPLE_READ,
                Subject.couple(alexAndSam.id()), "overview"));
        clock.advance(Duration.ofMinutes(5));
        events.publishEvent(AuditEvent.denied(signIn.as(jordan.email()), "view /users", "role not allowed"));
        signIn.as(admin.email());

        navigate(AuditRoutes.AUDIT_LOG, Component.class);

        assertThat($(H2.class).single().getText()).isEqualTo("Audit log");
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Audit log");
        assertThat(IntStream.range(0, 7).mapToObj(test(grid())::getHeaderCell))
                .containsExactly("When", "Who", "What", "Record", "Outcome", "Address", "Detail");
        assertThat(column(2)).startsWith("Access refused", "Couple opened");
        assertThat(column(0).get(1).replace('\u202f', ' ')).isEqualTo("Jun 10, 2026, 10:30 AM");
        assertThat(column(1).get(1)).isEqualTo("Dr. Jordan Reyes (" + jordan.email() + ")");
        assertThat(column(3).get(1)).isEqualTo("Couple " + alexAndSam.id());
        assertThat(column(4)).startsWith("Refused", "Allowed");
        assertThat(column(5).get(1)).isEqualTo("127.0.0.1");
        assertThat(column(6)).startsWith("view /users: role not allowed", "overview");
    }

    @Test
    void filters_narrow_the_rows_and_a_range_that_ends_before_it_starts_is_said_beside_the_end_date() {
        caseloadReads(3);
        events.publishEvent(AuditEvent.denied(signIn.as(jordan.email()), "view /users", "role not allowed"));
        signIn.as(admin.email());
        navigate(AuditRoutes.AUDIT_LOG, Component.class);
        int all = test(grid()).size();

        ComboBox<Outcome> outcome = combo("Outcome");
        test(outcome).selectItem("Refused");
        assertThat(column(4)).containsExactly("Refused");

        outcome.clear();
        test(this.<AuditAction>combo("Kind of event")).selectItem("Caseload opened");
        assertThat(column(2)).hasSize(3).containsOnly("Caseload opened");

        this.<AuditAction>combo("Kind of event").clear();
        test(this.<Object>combo("Person")).selectItem("Morgan Ellis (" + admin.email() + ")");
        assertThat(test(grid()).size()).isZero();
        assertThat(grid().getEmptyStateText()).startsWith("Nothing recorded matches these filters.");

        this.<Object>combo("Person").clear();
        assertThat(test(grid()).size()).isEqualTo(all);
        test(date("From")).setValue(TestClock.TODAY.plusDays(1));
        assertThat(test(grid()).size()).isZero();
        test(date("To")).setValue(TestClock.TODAY);
        assertThat(date("To").isInvalid()).isTrue();
        assertThat(date("To").getErrorMessage()).isEqualTo("Choose an end date on or after the start date.");
        test(date("From")).setValue(TestClock.TODAY);
        assertThat(date("To").isInvalid()).isFalse();
        assertThat(test(grid()).size()).isEqualTo(all);
    }

    @Test
    void older_and_newer_walk_keyset_pages_of_fifty() {
        caseloadReads(120);
        signIn.as(admin.email());
        navigate(AuditRoutes.AUDIT_LOG, Component.class);
        test(this.<AuditAction>combo("Kind of event")).selectItem("Caseload opened");

        assertThat(column(6)).hasSize(50).first().isEqualTo("offset 0, 119 couples");
        assertThat(button("Newer").isEnabled()).isFalse();
        test(button("Older")).click();
        assertThat(column(6)).hasSize(50).first().isEqualTo("offset 0, 69 couples");
        test(button("Older")).click();
        assertThat(column(6)).hasSize(20).last().isEqualTo("offset 0, 0 couples");
        assertThat(button("Older").isEnabled()).isFalse();
        test(button("Newer")).click();
        assertThat(column(6)).first().isEqualTo("offset 0, 69 couples");
        test(button("Newest")).click();
        assertThat(column(6)).first().isEqualTo("offset 0, 119 couples");
    }

    @Test
    void the_admin_downloads_the_filtered_rows_as_csv_and_the_download_is_audited() throws Exception {
        caseloadReads(3);
        signIn.as(admin.email());
        navigate(AuditRoutes.AUDIT_LOG, Component.class);
        test(this.<AuditAction>combo("Kind of event")).selectItem("Caseload opened");

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        test($(Anchor.class).id("audit-export")).download(file);

        List<String> lines = file.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4)).allMatch(line -> line.contains(",caseload.read,account,"));
        assertThat(trail.since("audit.export")).singleElement()
                .satisfies(row -> assertThat(row.getDetail()).isEqualTo("action caseload.read: 3 rows"));
    }

    @Test
    void a_therapist_and_a_partner_are_refused_the_page_and_it_is_not_in_their_menu() {
        for (String who : List.of(jordan.email(), alexAndSam.one().email())) {
            signIn.as(who);
            navigate(AuditRoutes.AUDIT_LOG, Component.class);
            assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
            assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).doesNotContain("Audit log");
        }
        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .containsExactly("view /audit: role not allowed", "view /audit: role not allowed");
    }

    @Test
    void every_kind_of_event_and_outcome_has_a_readable_name() {
        DefaultI18NProvider texts = new DefaultI18NProvider(List.of(Locale.ENGLISH));

        assertThat(Arrays.stream(AuditAction.values()))
                .allSatisfy(action -> assertThat(texts.getTranslation(AuditLogView.actionKey(action), Locale.ENGLISH))
                        .as(action.name()).doesNotContain("!{").isNotBlank());
        assertThat(Arrays.stream(Outcome.values()).map(AuditLogView::outcomeKey)
                .map(key -> texts.getTranslation(key, Locale.ENGLISH))).containsExactly("Allowed", "Failed", "Refused");
    }
}
