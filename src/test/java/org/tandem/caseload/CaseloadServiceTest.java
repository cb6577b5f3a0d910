package org.tandem.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.caseload.CaseloadSort.Column;
import org.tandem.couples.CoupleFilter;
import org.tandem.couples.CoupleStatus;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.sessions.SessionStatus;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TestModules;

/** The therapist's caseload: search, filters, sorting, paging, the session and module columns; and refusals. */
@IntegrationTest
class CaseloadServiceTest {

    @Autowired CaseloadService caseload;

    @Autowired TestClock clock;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;

    /** Jordan, a therapist; the clinic's admin; Priya, another therapist of the clinic; Lee, of another clinic. */
    Person jordan;
    Person admin;
    Person priya;
    Person lee;
    Couple alexAndSam;
    final Map<String, Couple> couples = new HashMap<>();

    /**
     * Committed: refusals are audited in a transaction of their own, which must see the accounts. Jordan's caseload
     * holds nine couples: five active (Alex and Sam, Daniel and Grace, Aisha and Omar, Wei and Jamie, and Priya's
     * Kwame and Ama, of whom Jordan is co-therapist), Hannah and Tom paused, Lucía and Marco and Sofia and Erik at
     * intake, Rachel and Nora closed. Priya also has Maya and Chris, and Isabel and Ravi; Lee, in another clinic, has
     * Robin and Casey, and Jules and a Samira Patel of their own.
     */
    @BeforeEach
    void two_clinics() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(clinic, "Morgan Ellis");
            jordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            priya = fixtures.therapist(clinic, "Priya Nair");
            alexAndSam = named(fixtures.couple(jordan, "Alex Morgan", "Alex", "Samira Patel", "Sam"));
            named(fixtures.couple(jordan, "Daniel Okafor", "Dan", "Grace Okafor", null));
            named(fixtures.couple(jordan, "Aisha Khan", "Omar Haddad"));
            named(fixtures.couple(jordan, "Wei Chen", "Jamie Chen"));
            fixtures.status(jordan, named(fixtures.couple(jordan, "Hannah Becker", null, "Tom Becker", "Tommy")),
                    CoupleStatus.PAUSED);
            fixtures.status(jordan, named(fixtures.couple(jordan, "Lucía Fernández", "Marco Rossi")),
                    CoupleStatus.INTAKE);
            fixtures.status(jordan, named(fixtures.couple(jordan, "Sofia Lindqvist", "Erik Lindqvist")),
                    CoupleStatus.INTAKE);
            fixtures.status(jordan, named(fixtures.couple(jordan, "Rachel Green", "Nora Green")), CoupleStatus.CLOSED);
            fixtures.coTherapist(admin, named(fixtures.couple(priya, "Kwame Mensah", "Ama Mensah")), jordan);
            named(fixtures.couple(priya, "Maya Johnson", "Chris Taylor"));
            named(fixtures.couple(priya, "Isabel Moreau", "Ravi Sharma"));
            lee = fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park");
            named(fixtures.couple(lee, "Robin Hart", "Casey Hart"));
            named(fixtures.couple(lee, "Jules Moreau", "Samira Patel"));
        });
        signIn.as(jordan.email());
    }

    private Couple named(Couple couple) {
        couples.put(couple.one().name(), couple);
        return couple;
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private Couple couple(String partnerOne) {
        return couples.get(partnerOne);
    }

    private List<CaseloadEntry> search(String text) {
        return caseload.page(new CoupleFilter(text, Set.of()), List.of(), 0, 100);
    }

    private static List<String> firstNames(List<CaseloadEntry> page) {
        return page.stream().map(CaseloadEntry::partnerOne).toList();
    }

    private static List<String> allNames(List<CaseloadEntry> page) {
        return page.stream().flatMap(entry -> Stream.of(entry.partnerOne(), entry.partnerTwo())).toList();
    }

    /** The wall-clock time in the clinic, a number of days from now. */
    private LocalDateTime days(int days) {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES).plusDays(days);
    }

    private OffsetDateTime at(LocalDateTime wallClock) {
        return wallClock.atZone(clock.getZone()).toOffsetDateTime();
    }

    @Test
    void search_finds_a_couple_by_either_partners_name_in_any_case_and_in_part() {
        assertThat(firstNames(search("alex"))).containsExactly("Alex Morgan");
        assertThat(firstNames(search("PATEL"))).containsExactly("Alex Morgan");
        assertThat(firstNames(search("okaf"))).containsExactly("Daniel Okafor");
        assertThat(firstNames(search("Omar Haddad"))).containsExactly("Aisha Khan");
    }

    @Test
    void search_finds_a_couple_by_a_preferred_name() {
        assertThat(firstNames(search("Tommy"))).containsExactly("Hannah Becker");
        assertThat(firstNames(search("dan"))).containsExactly("Daniel Okafor");
    }

    @Test
    void every_word_of_a_search_must_match_one_of_the_partners() {
        assertThat(firstNames(search("Morgan Samira"))).containsExactly("Alex Morgan");
        assertThat(search("Morgan Okafor")).isEmpty();
    }

    @Test
    void search_treats_wildcards_as_text() {
        assertThat(search("%")).isEmpty();
        assertThat(search("_")).isEmpty();
    }

    @Test
    void count_agrees_with_the_search_and_filter() {
        CoupleFilter becker = new CoupleFilter("becker", Set.of());
        CoupleFilter active = new CoupleFilter("", Set.of(CoupleStatus.ACTIVE));

        assertThat(caseload.count(becker)).isEqualTo(1);
        assertThat(caseload.count(active)).isEqualTo(caseload.page(active, List.of(), 0, 100).size()).isEqualTo(5);
        assertThat(caseload.count(CoupleFilter.NONE)).isEqualTo(9);
    }

    @Test
    void status_filter_shows_only_the_chosen_statuses() {
        List<CaseloadEntry> page = caseload.page(
                new CoupleFilter(null, Set.of(CoupleStatus.INTAKE, CoupleStatus.PAUSED)), List.of(), 0, 100);

        assertThat(firstNames(page)).containsExactly("Hannah Becker", "Lucía Fernández", "Sofia Lindqvist");
        assertThat(page).extracting(CaseloadEntry::status).containsExactly(CoupleStatus.PAUSED, CoupleStatus.INTAKE,
                CoupleStatus.INTAKE);
    }

    @Test
    void status_filter_and_search_combine() {
        CoupleFilter filter = new CoupleFilter("a", Set.of(CoupleStatus.CLOSED));

        assertThat(firstNames(caseload.page(filter, List.of(), 0, 100))).containsExactly("Rachel Green");
    }

    @Test
    void sorts_by_either_partners_name_both_ways() {
        List<CaseloadEntry> byOne = caseload.page(CoupleFilter.NONE, List.of(CaseloadSort.ascending(Column.PARTNER_ONE)), 0, 100);
        List<CaseloadEntry> byOneDown = caseload.page(CoupleFilter.NONE, List.of(CaseloadSort.descending(Column.PARTNER_ONE)), 0, 100);
        List<CaseloadEntry> byTwo = caseload.page(CoupleFilter.NONE, List.of(CaseloadSort.ascending(Column.PARTNER_TWO)), 0, 100);

        assertThat(byOne).extracting(CaseloadEntry::partnerOne).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(byOneDown).extracting(CaseloadEntry::partnerOne)
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
        assertThat(byTwo).extracting(CaseloadEntry::partnerTwo).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(byOne.getFirst().partnerOne()).isEqualTo("Aisha Khan");
        assertThat(byOneDown.getFirst().partnerOne()).isEqualTo("Wei Chen");
        assertThat(byTwo.getFirst().partnerTwo()).isEqualTo("Ama Mensah");
    }

    @Test
    void sorts_by_status_in_the_order_of_a_couples_work() {
        List<CaseloadEntry> up = caseload.page(CoupleFilter.NONE, List.of(CaseloadSort.ascending(Column.STATUS)), 0, 100);
        List<CaseloadEntry> down = caseload.page(CoupleFilter.NONE, List.of(CaseloadSort.descending(Column.STATUS)), 0, 100);

        assertThat(up).extracting(CaseloadEntry::status).isSorted();
        assertThat(up.getFirst().status()).isEqualTo(CoupleStatus.INTAKE);
        assertThat(down).extracting(CaseloadEntry::status).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(down.getFirst().status()).isEqualTo(CoupleStatus.CLOSED);
    }

    @Test
    void sorts_by_role_and_marks_the_couples_of_which_one_is_co_therapist() {
        List<CaseloadEntry> coFirst = caseload.page(CoupleFilter.NONE, List.of(CaseloadSort.descending(Column.ROLE)), 0, 100);

        assertThat(coFirst.getFirst().partnerOne()).isEqualTo("Kwame Mensah");
        assertThat(coFirst.getFirst().coTherapist()).isTrue();
        assertThat(coFirst.subList(1, coFirst.size())).noneMatch(CaseloadEntry::coTherapist);
        assertThat(caseload.page(CoupleFilter.NONE, List.of(CaseloadSort.ascending(Column.ROLE)), 0, 100).getLast()
                .partnerOne()).isEqualTo("Kwame Mensah");
    }

    @Test
    void last_session_is_the_latest_begun_that_was_held_or_awaits_marking_and_next_the_earliest_scheduled() {
        Couple alex = couple("Alex Morgan");
        fixtures.session(jordan, alex, days(-14), SessionStatus.HELD);
        fixtures.session(jordan, alex, days(-7), SessionStatus.HELD);
        fixtures.session(jordan, alex, days(-3), SessionStatus.CANCELLED);
        fixtures.session(jordan, alex, days(-1), SessionStatus.NO_SHOW);
        fixtures.session(jordan, alex, days(2), SessionStatus.CANCELLED);
        fixtures.session(jordan, alex, days(6), SessionStatus.SCHEDULED);
        fixtures.session(jordan, alex, days(13), SessionStatus.SCHEDULED);
        fixtures.session(jordan, couple("Wei Chen"), days(-2), SessionStatus.SCHEDULED);

        CaseloadEntry alexAndSamira = search("Alex").getFirst();
        CaseloadEntry weiAndJamie = search("Wei").getFirst();
        CaseloadEntry aisha = search("Aisha").getFirst();

        assertThat(alexAndSamira.lastSession()).isEqualTo(at(days(-7)));
        assertThat(alexAndSamira.nextSession()).isEqualTo(at(days(6)));
        assertThat(weiAndJamie.lastSession()).isEqualTo(at(days(-2)));
        assertThat(weiAndJamie.nextSession()).isNull();
        assertThat(aisha.lastSession()).isNull();
        assertThat(aisha.nextSession()).isNull();
    }

    @Test
    void sorts_by_last_and_next_session_with_couples_without_one_last_either_way() {
        fixtures.session(jordan, couple("Alex Morgan"), days(-7), SessionStatus.HELD);
        fixtures.session(jordan, couple("Wei Chen"), days(-2), SessionStatus.HELD);
        fixtures.session(jordan, couple("Alex Morgan"), days(3), SessionStatus.SCHEDULED);
        fixtures.session(jordan, couple("Wei Chen"), days(1), SessionStatus.SCHEDULED);

        assertThat(firstNames(caseload.page(CoupleFilter.NONE, List.of(CaseloadSort.ascending(Column.LAST_SESSION)), 0, 2)))
                .containsExactly("Alex Morgan", "Wei Chen");
        assertThat(firstNames(caseload.page(CoupleFilter.NONE, List.of(CaseloadSort.descending(Column.LAST_SESSION)), 0, 2)))
                .containsExactly("Wei Chen", "Alex Morgan");
        assertThat(firstNames(caseload.page(CoupleFilter.NONE, List.of(CaseloadSort.ascending(Column.NEXT_SESSION)), 0, 2)))
                .containsExactly("Wei Chen", "Alex Morgan");
        assertThat(firstNames(caseload.page(CoupleFilter.NONE, List.of(CaseloadSort.descending(Column.NEXT_SESSION)), 0, 2)))
                .containsExactly("Alex Morgan", "Wei Chen");
        assertThat(caseload.page(CoupleFilter.NONE, List.of(CaseloadSort.descending(Column.NEXT_SESSION)), 2, 100))
                .hasSize(7).allMatch(entry -> entry.nextSession() == null);
        assertThat(caseload.page(CoupleFilter.NONE, List.of(CaseloadSort.ascending(Column.LAST_SESSION)), 2, 100))
                .hasSize(7).allMatch(entry -> entry.lastSession() == null);
    }

    @Test
    void pages_of_a_sorted_caseload_neither_overlap_nor_skip() {
        List<CaseloadSort> byStatus = List.of(CaseloadSort.ascending(Column.STATUS));
        List<CaseloadEntry> all = caseload.page(CoupleFilter.NONE, byStatus, 0, 100);
        List<CaseloadEntry> pages = Stream.of(0, 4, 8)
                .flatMap(offset -> caseload.page(CoupleFilter.NONE, byStatus, offset, 4).stream()).toList();

        assertThat(all).hasSize(9);
        assertThat(pages).containsExactlyElementsOf(all);
    }

    @Test
    void another_therapists_couples_never_appear_not_even_when_searched_for() {
        assertThat(search("Maya")).isEmpty();
        assertThat(search("Sharma")).isEmpty();
        assertThat(allNames(caseload.page(CoupleFilter.NONE, List.of(), 0, 100)))
                .doesNotContain("Maya Johnson", "Chris Taylor", "Isabel Moreau", "Ravi Sharma");
        assertThat(caseload.count(new CoupleFilter("Maya", Set.of()))).isZero();

        signIn.as(priya.email());
        assertThat(firstNames(search("Maya"))).as("they are Priya's").containsExactly("Maya Johnson");
    }

    @Test
    void a_search_never_crosses_into_another_clinic_with_the_same_names() {
        List<CaseloadEntry> found = search("Samira");

        assertThat(found).singleElement().satisfies(entry -> {
            assertThat(entry.partnerOne()).isEqualTo("Alex Morgan");
            assertThat(entry.coupleId()).isEqualTo(alexAndSam.id());
        });
        assertThat(caseload.count(new CoupleFilter("Samira", Set.of()))).isEqualTo(1);
    }

    @Test
    void the_other_clinics_therapist_finds_only_their_own_samira() {
        signIn.as(lee.email());

        assertThat(search("Samira")).singleElement().satisfies(entry -> {
            assertThat(entry.partnerOne()).isEqualTo("Jules Moreau");
            assertThat(entry.coupleId()).isEqualTo(couple("Jules Moreau").id());
        });
    }

    @Test
    void each_page_read_leaves_an_audit_row_with_the_search() {
        AuditTrail trail = AuditTrail.from(dsl);

        caseload.page(new CoupleFilter("alex", Set.of(CoupleStatus.ACTIVE)), List.of(), 0, 50);
        caseload.count(new CoupleFilter("alex", Set.of()));

        assertThat(trail.since()).singleElement().satisfies(row -> {
            assertThat(row.getAction()).isEqualTo("caseload.read");
            assertThat(row.getActorAccountId()).isEqualTo(jordan.accountId());
            assertThat(row.getDetail()).isEqualTo("offset 0, 1 couples, search \"alex\", status ACTIVE");
        });
    }

    @Test
    void admin_and_client_are_refused_and_each_refusal_is_audited() {
        AuditTrail trail = AuditTrail.from(dsl);
        signIn.as(admin.email());
        assertThatThrownBy(() -> caseload.page(CoupleFilter.NONE, List.of(), 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> caseload.count(CoupleFilter.NONE)).isInstanceOf(AccessDeniedException.class);
        signIn.as(alexAndSam.one().email());
        assertThatThrownBy(() -> caseload.page(new CoupleFilter("Sam", Set.of()), List.of(), 0, 10))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(trail.since()).extracting(AuditEventRecord::getAction, AuditEventRecord::getActorAccountId,
                        AuditEventRecord::getDetail)
                .containsExactly(
                        tuple("access.denied", admin.accountId(), "call CaseloadService.page: not authorised"),
                        tuple("access.denied", admin.accountId(), "call CaseloadService.count: not authorised"),
                        tuple("access.denied", alexAndSam.one().accountId(),
                                "call CaseloadService.page: not authorised"));
    }

    @Test
    void a_page_never_holds_more_than_the_cap_and_negative_paging_is_refused() {
        assertThat(caseload.page(CoupleFilter.NONE, List.of(), 0, Integer.MAX_VALUE)).hasSize(9);
        assertThatThrownBy(() -> caseload.page(CoupleFilter.NONE, List.of(), -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> caseload.page(CoupleFilter.NONE, List.of(), 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overdue_modules_count_assignments_past_due_that_are_not_submitted_by_everyone() {
        long module = TestModules.publish(dsl, jordan.email(), TestModules.everyKind("Listening"));
        LocalDate today = LocalDate.now(clock);
        fixtures.assignment(jordan, alexAndSam, module, today, alexAndSam.one());
        fixtures.assignment(jordan, alexAndSam, module, today, alexAndSam.one(), alexAndSam.two());
        fixtures.assignment(jordan, alexAndSam, module, today.plusDays(30));
        clock.advance(Duration.ofDays(1));

        CaseloadEntry alex = search("Alex").getFirst();
        assertThat(alex.overdueModules()).as("only the one past due not yet submitted by both").isEqualTo(1);
        List<CaseloadEntry> mostOverdueFirst = caseload.page(CoupleFilter.NONE,
                List.of(CaseloadSort.descending(Column.OVERDUE_MODULES)), 0, 50);
        assertThat(mostOverdueFirst.getFirst().coupleId()).isEqualTo(alexAndSam.id());
        assertThat(mostOverdueFirst.subList(1, mostOverdueFirst.size()))
                .allSatisfy(entry -> assertThat(entry.overdueModules()).isZero());
    }

    @Test
    void a_module_becomes_overdue_at_midnight_in_the_clinic_after_its_due_date() {
        long module = TestModules.publish(dsl, jordan.email(), TestModules.everyKind("Listening"));
        LocalDate due = LocalDate.now(clock).plusDays(1);
        fixtures.assignment(jordan, alexAndSam, module, due);
        CoupleFilter alex = new CoupleFilter("Alex", Set.of());

        clock.set(due.atTime(23, 59).atZone(clock.getZone()).toInstant());
        assertThat(caseload.page(alex, List.of(), 0, 10).getFirst().overdueModules()).isZero();

        clock.set(due.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        assertThat(caseload.page(alex, List.of(), 0, 10).getFirst().overdueModules()).isEqualTo(1);
    }
}
