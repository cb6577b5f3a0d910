package org.tandem.caseload;

import org.tandem.sessions.SessionStatus;
import org.tandem.sessions.Modality;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.accounts.TandemUser;
import org.tandem.caseload.CaseloadSort.Column;
import org.tandem.couples.CoupleFilter;
import org.tandem.couples.CoupleStatus;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.support.AuditTrail;
import org.tandem.support.DemoTest;
import org.tandem.support.OtherClinic;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TestData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.ASSIGNMENT_WORK;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;
import static org.tandem.jooq.Tables.PARTNER;

@DemoTest
class CaseloadServiceTest {

    @Autowired CaseloadService caseload;

    @Autowired TestClock clock;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired PlatformTransactionManager transactions;

    TandemUser jordan;

    @BeforeEach
    void sign_in() {
        OtherClinic.ensure(dsl, transactions);
        jordan = signIn.as("therapist@example.com");
    }

    @AfterEach
    void sign_out() {
        signIn.out();
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

    /** The demo clinic comes with months of sessions; these tests start from none (rolled back after). */
    private void withoutDemoSessions() {
        dsl.deleteFrom(org.tandem.jooq.Tables.CHECK_IN_ANSWER).execute();
        dsl.deleteFrom(org.tandem.jooq.Tables.CHECK_IN).execute();
        dsl.deleteFrom(org.tandem.jooq.Tables.SESSION_NOTE).execute();
        dsl.deleteFrom(org.tandem.jooq.Tables.COUPLE_SESSION).execute();
    }

    private long coupleOf(String partnerName) {
        return dsl.select(PARTNER.COUPLE_ID).from(PARTNER)
                .where(PARTNER.FULL_NAME.eq(partnerName), PARTNER.CLINIC_ID.eq(jordan.clinicId()))
                .fetchSingle(PARTNER.COUPLE_ID);
    }

    private void session(long coupleId, OffsetDateTime startsAt, SessionStatus status) {
        dsl.insertInto(COUPLE_SESSION)
                .set(COUPLE_SESSION.CREATED_AT, TestClock.START_AT)
                .set(COUPLE_SESSION.CLINIC_ID, jordan.clinicId())
                .set(COUPLE_SESSION.COUPLE_ID, coupleId)
                .set(COUPLE_SESSION.STARTS_AT, startsAt)
                .set(COUPLE_SESSION.DURATION_MINUTES, 50)
                .set(COUPLE_SESSION.MODALITY, Modality.IN_PERSON)
                .set(COUPLE_SESSION.STATUS, status)
                .set(COUPLE_SESSION.CREATED_BY, jordan.accountId())
                .execute();
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
        assertThat(page).extracting(CaseloadEntry::status).containsOnly(CoupleStatus.INTAKE, CoupleStatus.PAUSED);
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
        assertThat(byTwo.getFirst().partnerTwo()).isEqualTo("Ama Mensah");
    }

    @Test
    void sorts_by_status_in_the_order_of_a_couples_work() {
        List<CaseloadEntry> up = caseload.page(CoupleFilter.NONE, List.of(CaseloadSort.ascending(Column.STATUS)), 0, 100);
        List<CaseloadEntry> down = caseload.page(CoupleFilter.NONE, List.of(CaseloadSort.descending(Column.STATUS)), 0, 100);

        assertThat(up).extracting(CaseloadEntry::status).isSorted();
        assertThat(up.getFirst().status()).isEqualTo(CoupleStatus.INTAKE);
        assertThat(down).extracting(CaseloadEntry::status).isSortedAccordingTo(Comparator.reverseOrder());
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
        withoutDemoSessions();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        long alex = coupleOf("Alex Morgan");
        session(alex, now.minusDays(14), SessionStatus.HELD);
        session(alex, now.minusDays(7), SessionStatus.HELD);
        session(alex, now.minusDays(3), SessionStatus.CANCELLED);
        session(alex, now.minusDays(1), SessionStatus.NO_SHOW);
        session(alex, now.plusDays(2), SessionStatus.CANCELLED);
        session(alex, now.plusDays(6), SessionStatus.SCHEDULED);
        session(alex, now.plusDays(13), SessionStatus.SCHEDULED);
        long wei = coupleOf("Wei Chen");
        session(wei, now.minusDays(2), SessionStatus.SCHEDULED);

        CaseloadEntry alexAndSam = search("Alex").getFirst();
        CaseloadEntry weiAndJamie = search("Wei").getFirst();
        CaseloadEntry aisha = search("Aisha").getFirst();

        assertThat(alexAndSam.lastSession()).isEqualTo(now.minusDays(7));
        assertThat(alexAndSam.nextSession()).isEqualTo(now.plusDays(6));
        assertThat(weiAndJamie.lastSession()).isEqualTo(now.minusDays(2));
        assertThat(weiAndJamie.nextSession()).isNull();
        assertThat(aisha.lastSession()).isNull();
        assertThat(aisha.nextSession()).isNull();
    }

    @Test
    void sorts_by_last_and_next_session_with_couples_without_one_last_either_way() {
        withoutDemoSessions();
        OffsetDateTime now = OffsetDateTime.now(clock);
        session(coupleOf("Alex Morgan"), now.minusDays(7), SessionStatus.HELD);
        session(coupleOf("Wei Chen"), now.minusDays(2), SessionStatus.HELD);
        session(coupleOf("Alex Morgan"), now.plusDays(3), SessionStatus.SCHEDULED);
        session(coupleOf("Wei Chen"), now.plusDays(1), SessionStatus.SCHEDULED);

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
    }

    @Test
    void pages_of_a_sorted_caseload_neither_overlap_nor_skip() {
        List<CaseloadSort> byStatus = List.of(CaseloadSort.ascending(Column.STATUS));
        List<CaseloadEntry> all = caseload.page(CoupleFilter.NONE, byStatus, 0, 100);
        List<CaseloadEntry> pages = Stream.of(0, 4, 8)
                .flatMap(offset -> caseload.page(CoupleFilter.NONE, byStatus, offset, 4).stream()).toList();

        assertThat(pages).containsExactlyElementsOf(all);
    }

    @Test
    void another_therapists_couples_never_appear_not_even_when_searched_for() {
        assertThat(search("Maya")).isEmpty();
        assertThat(search("Sharma")).isEmpty();
        assertThat(allNames(caseload.page(CoupleFilter.NONE, List.of(), 0, 100)))
                .doesNotContain("Maya Johnson", "Chris Taylor", "Isabel Moreau", "Ben Carter");
        assertThat(caseload.count(new CoupleFilter("Maya", Set.of()))).isZero();
    }

    @Test
    void a_search_never_crosses_into_another_clinic_with_the_same_names() {
        List<CaseloadEntry> found = search("Samira");

        assertThat(found).singleElement().satisfies(entry -> {
            assertThat(entry.partnerOne()).isEqualTo("Alex Morgan");
            assertThat(entry.coupleId()).isEqualTo(coupleOf("Alex Morgan"));
        });
        assertThat(caseload.count(new CoupleFilter("Samira", Set.of()))).isEqualTo(1);
    }

    @Test
    void the_other_clinics_therapist_finds_only_their_own_samira() {
        signIn.as(OtherClinic.THERAPIST_EMAIL);

        assertThat(firstNames(search("Samira"))).containsExactly("Jules Moreau");
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
        TandemUser admin = signIn.as("admin@example.com");
        assertThatThrownBy(() -> caseload.page(CoupleFilter.NONE, List.of(), 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> caseload.count(CoupleFilter.NONE)).isInstanceOf(AccessDeniedException.class);
        TandemUser alex = signIn.as("alex@example.com");
        assertThatThrownBy(() -> caseload.page(new CoupleFilter("Sam", Set.of()), List.of(), 0, 10))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(trail.since()).extracting(AuditEventRecord::getAction, AuditEventRecord::getActorAccountId,
                        AuditEventRecord::getDetail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("access.denied", admin.accountId(),
                                "call CaseloadService.page: not authorised"),
                        org.assertj.core.groups.Tuple.tuple("access.denied", admin.accountId(),
                                "call CaseloadService.count: not authorised"),
                        org.assertj.core.groups.Tuple.tuple("access.denied", alex.accountId(),
                                "call CaseloadService.page: not authorised"));
    }

    @Test
    void a_page_never_holds_more_than_the_cap_and_negative_paging_is_refused() {
        assertThat(caseload.page(CoupleFilter.NONE, List.of(), 0, Integer.MAX_VALUE)).hasSize(9);
        assertThatThrownBy(() -> caseload.page(CoupleFilter.NONE, List.of(), -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The couple's assignments that at least one partner has not submitted yet. */
    private List<Long> notSubmittedByEveryone(long coupleId) {
        return dsl.select(MODULE_ASSIGNMENT.ID).from(MODULE_ASSIGNMENT)
                .where(MODULE_ASSIGNMENT.COUPLE_ID.eq(coupleId), DSL.exists(DSL.selectOne().from(ASSIGNMENT_WORK)
                        .where(ASSIGNMENT_WORK.ASSIGNMENT_ID.eq(MODULE_ASSIGNMENT.ID),
                                ASSIGNMENT_WORK.SUBMITTED_AT.isNull())))
                .orderBy(MODULE_ASSIGNMENT.ID)
                .fetch(MODULE_ASSIGNMENT.ID);
    }

    @Test
    void overdue_modules_count_assignments_past_due_that_are_not_submitted_by_everyone() {
        long alexAndSam = TestData.coupleOf(dsl, "Alex Morgan");
        dsl.update(MODULE_ASSIGNMENT).set(MODULE_ASSIGNMENT.DUE_ON, LocalDate.now(clock).plusDays(30))
                .where(MODULE_ASSIGNMENT.COUPLE_ID.eq(alexAndSam)).execute();
        var open = notSubmittedByEveryone(alexAndSam);
        var done = dsl.select(MODULE_ASSIGNMENT.ID).from(MODULE_ASSIGNMENT)
                .where(MODULE_ASSIGNMENT.COUPLE_ID.eq(alexAndSam), MODULE_ASSIGNMENT.ID.notIn(open))
                .fetch(MODULE_ASSIGNMENT.ID);
        dsl.update(MODULE_ASSIGNMENT).set(MODULE_ASSIGNMENT.DUE_ON, LocalDate.now(clock).minusDays(1))
                .where(MODULE_ASSIGNMENT.ID.in(open.getFirst(), done.getFirst())).execute();

        var alex = caseload.page(new CoupleFilter("Alex", java.util.Set.of()), List.of(), 0, 10).getFirst();
        assertThat(alex.overdueModules()).as("only the one not yet submitted by both").isEqualTo(1);
        var mostOverdueFirst = caseload.page(CoupleFilter.NONE,
                List.of(CaseloadSort.descending(CaseloadSort.Column.OVERDUE_MODULES)), 0, 50);
        assertThat(mostOverdueFirst.getFirst().overdueModules()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_module_becomes_overdue_at_midnight_in_the_clinic_after_its_due_date() {
        long alexAndSam = TestData.coupleOf(dsl, "Alex Morgan");
        dsl.update(MODULE_ASSIGNMENT).set(MODULE_ASSIGNMENT.DUE_ON, LocalDate.now(clock).plusDays(30))
                .where(MODULE_ASSIGNMENT.COUPLE_ID.eq(alexAndSam)).execute();
        long open = notSubmittedByEveryone(alexAndSam).getFirst();
        LocalDate due = LocalDate.now(clock).plusDays(1);
        dsl.update(MODULE_ASSIGNMENT).set(MODULE_ASSIGNMENT.DUE_ON, due)
                .where(MODULE_ASSIGNMENT.ID.eq(open)).execute();
        CoupleFilter alex = new CoupleFilter("Alex", java.util.Set.of());

        clock.set(due.atTime(23, 59).atZone(clock.getZone()).toInstant());
        assertThat(caseload.page(alex, List.of(), 0, 10).getFirst().overdueModules()).isZero();

        clock.set(due.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        assertThat(caseload.page(alex, List.of(), 0, 10).getFirst().overdueModules()).isEqualTo(1);
    }
}
