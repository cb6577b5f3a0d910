package org.tandem.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import org.tandem.balance.Trend;
import org.tandem.balance.Zone;
import org.tandem.accounts.Role;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.tandem.accounts.TandemUser;
import org.tandem.caseload.CaseloadSort.Column;
import org.tandem.couples.CoupleFilter;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.StatementCounter;

/**
 * The caseload stays a constant number of SQL statements per page whatever its size: with 5,000
 * couples exactly as many as with 10. Statements are counted by {@link StatementCounter}, on this thread only.
 * The test database is never analyzed (the application's role may not, and its autovacuum is off: docs/decisions/001),
 * so the planner plans from the tables' sizes alone, the same in every run.
 */
@IntegrationTest
@Import(StatementCounter.Counting.class)
class CaseloadPagingTest {

    @Autowired CaseloadService caseload;
    @Autowired StatementCounter counter;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;

    long clinicId;
    long therapistId;
    String therapist;

    @BeforeEach
    void a_therapist_with_no_couples_yet() {
        Fixtures.Person manyCouples = fixtures.therapist(fixtures.clinic("Riverside Counselling"), "Many Couples");
        clinicId = manyCouples.clinicId();
        therapistId = manyCouples.accountId();
        therapist = manyCouples.email();
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private void generateCouples(int from, int to) {
        GeneratedCouples.generate(dsl, clinicId, therapistId, from, to, false);
    }

    /** What a first page cost, and its select with the values inlined (for {@code EXPLAIN}). */
    private record Served(int statements, int rows, int count, long millis, String page) {}

    private Served firstPage(CoupleFilter filter, List<CaseloadSort> sort) {
        counter.start();
        long started = System.nanoTime();
        int rows = caseload.page(filter, sort, 0, 50).size();
        int count = caseload.count(filter);
        long millis = (System.nanoTime() - started) / 1_000_000;
        String page = counter.inlined().getFirst();
        List<String> statements = counter.stop();
        return new Served(statements.size(), rows, count, millis, page);
    }

    @Test
    void first_page_and_a_search_take_as_many_statements_with_5000_couples_as_with_10() {
        signIn.as(therapist);
        CoupleFilter search = new CoupleFilter("family7", Set.of());
        List<CaseloadSort> byNextSession = List.of(CaseloadSort.ascending(Column.NEXT_SESSION));
        generateCouples(1, 10);
        // The clinic's time zone is read once and kept (ClinicTime): not part of what a page costs.
        caseload.page(CoupleFilter.NONE, List.of(), 0, 1);

        Served smallFirst = firstPage(CoupleFilter.NONE, List.of());
        Served smallSearch = firstPage(search, List.of());
        Served smallSorted = firstPage(CoupleFilter.NONE, byNextSession);
        CoupleFilter needsAttention = new CoupleFilter("", Set.of(), true);
        List<CaseloadSort> attentionFirst = List.of(CaseloadSort.NEEDS_ATTENTION_FIRST);
        Served smallAttention = firstPage(needsAttention, attentionFirst);

        generateCouples(11, 5000);
        Served largeFirst = firstPage(CoupleFilter.NONE, List.of());
        Served largeSearch = firstPage(search, List.of());
        Served largeSorted = firstPage(CoupleFilter.NONE, byNextSession);
        Served largeAttention = firstPage(needsAttention, attentionFirst);
        List<CaseloadEntry> mostAlertsFirst = caseload.page(CoupleFilter.NONE, attentionFirst, 0, 5);
        Served largeFirstAgain = firstPage(CoupleFilter.NONE, List.of());

        assertThat(smallFirst.count()).isEqualTo(10);
        assertThat(smallSearch.count()).isEqualTo(1);
        assertThat(largeFirst.count()).isEqualTo(5000);
        assertThat(largeFirst.rows()).isEqualTo(50);
        assertThat(largeSearch.count()).isEqualTo(1 + 10 + 100); // couples 7, 70-79 and 700-799
        // One select for the page, one insert of its audit row, one count.
        assertThat(smallFirst.statements()).isEqualTo(3);
        assertThat(largeFirst.statements()).isEqualTo(smallFirst.statements());
        assertThat(largeSearch.statements()).isEqualTo(smallSearch.statements()).isEqualTo(3);
        assertThat(largeSorted.statements()).isEqualTo(smallSorted.statements()).isEqualTo(3);
        assertThat(smallAttention.count()).isEqualTo(3); // couples 3, 6 and 9
        assertThat(largeAttention.count()).isEqualTo(5000 / 3);
        assertThat(largeAttention.statements()).isEqualTo(smallAttention.statements()).isEqualTo(3);
        assertThat(mostAlertsFirst).extracting(CaseloadEntry::alerts).containsOnly(4);
        assertThat(mostAlertsFirst.getFirst().partnerOneZone()).isEqualTo(Zone.BALANCED);
        assertThat(mostAlertsFirst.getFirst().partnerOneTrend()).isEqualTo(Trend.UP);
        // Sorting by next session reads every couple's next session: each is looked up by its couple in one index
        // entry, not found by walking the clinic's scheduled sessions in time order and comparing each with the
        // couple (5 million index entries here, 2.6 s, before its index).
        assertThat(dsl.fetch("explain " + largeSorted.page()).getValues(0, String.class))
                .filteredOn(line -> line.contains("Filter:"))
                .noneMatch(line -> line.contains("couple_id = couple.id")
                        || line.contains("couple_id = couple_therapist.couple_id"));

        // The first page by name chooses its 50 couples (the plan's first Limit) from the therapist's links and first
        // partners alone: the second partner, the couple's status and its balance are joined to those 50, not to all
        // 5,000 before the limit (at 1,100 couples on a network of 10,000: 3,300 index lookups, 9 ms instead of 3).
        List<String> firstPlan = dsl.fetch("explain " + largeFirst.page()).getValues(0, String.class);
        assertThat(subtree(firstPlan, "Limit")).isNotEmpty()
                .noneMatch(line -> line.contains("partner_two") || line.contains(" on couple ")
                        || line.contains("balance_summary"));

        System.out.printf("Caseload first page (50 rows + count), 10 couples: %d statements, %d ms%n",
                smallFirst.statements(), smallFirst.millis());
        System.out.printf("Caseload first page (50 rows + count), 5,000 couples: %d statements, %d ms (again: %d ms)%n",
                largeFirst.statements(), largeFirst.millis(), largeFirstAgain.millis());
        System.out.printf("Caseload search \"family7\", 5,000 couples: %d statements, %d ms, %d found%n",
                largeSearch.statements(), largeSearch.millis(), largeSearch.count());
        System.out.printf("Caseload sorted by next session, 5,000 couples: %d statements, %d ms%n",
                largeSorted.statements(), largeSorted.millis());
    }

    /** The lines of a plan's node (the first whose line contains {@code node}) and of every node under it. */
    private static List<String> subtree(List<String> plan, String node) {
        List<String> lines = new java.util.ArrayList<>();
        int depth = -1;
        for (String line : plan) {
            int indent = line.length() - line.stripLeading().length();
            if (depth < 0 && line.contains(node)) {
                depth = indent;
            } else if (depth >= 0 && indent <= depth) {
                break;
            }
            if (depth >= 0) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * A deep page: asked by offset it seeks after the row found by its position (no OFFSET beyond 1,000); asked after
     * the key of the page before it, it is one statement; both give the rows that paging from the start gives.
     */
    @Test
    void a_deep_page_seeks_after_a_key_instead_of_skipping_rows_with_an_offset() {
        signIn.as(therapist);
        generateCouples(1, 2000);
        for (List<CaseloadSort> sort : List.of(List.<CaseloadSort>of(),
                List.of(CaseloadSort.descending(Column.LAST_SESSION)),
                List.of(CaseloadSort.ascending(Column.STATUS), CaseloadSort.descending(Column.PARTNER_TWO)),
                List.of(CaseloadSort.NEEDS_ATTENTION_FIRST))) {
            // Every couple in the order, 500 at a time, each page after the key of the one before.
            List<Long> walked = new java.util.ArrayList<>();
            CaseloadKey after = CaseloadKey.START;
            for (int page = 0; page < 4; page++) {
                CaseloadPage read = caseload.page(CoupleFilter.NONE, sort, after, 0, 500);
                read.entries().forEach(entry -> walked.add(entry.coupleId()));
                after = java.util.Objects.requireNonNull(read.next());
            }
            assertThat(walked).doesNotHaveDuplicates().hasSize(2000);

            counter.start();
            List<CaseloadEntry> byOffset = caseload.page(CoupleFilter.NONE, sort, 1500, 50);
            List<String> statements = counter.stop();
            assertThat(byOffset).extracting(CaseloadEntry::coupleId).containsExactlyElementsOf(walked.subList(1500, 1550));
            // The row it starts after, the page, the audit row; no OFFSET.
            assertThat(statements).hasSize(3).noneMatch(sql -> sql.toLowerCase(java.util.Locale.ROOT).contains("offset"));

            CaseloadPage first = caseload.page(CoupleFilter.NONE, sort, CaseloadKey.START, 0, 500);
            counter.start();
            CaseloadPage next = caseload.page(CoupleFilter.NONE, sort, java.util.Objects.requireNonNull(first.next()), 0, 50);
            assertThat(counter.stop()).hasSize(2);
            assertThat(next.entries()).extracting(CaseloadEntry::coupleId).containsExactlyElementsOf(walked.subList(500, 550));
            CaseloadPage skipped = caseload.page(CoupleFilter.NONE, sort, first.next(), 1200, 50);
            assertThat(skipped.entries()).extracting(CaseloadEntry::coupleId)
                    .containsExactlyElementsOf(walked.subList(1700, 1750));
            // Up to 1,000 rows from the start, an OFFSET is what it is: cheap enough, one statement.
            assertThat(caseload.page(CoupleFilter.NONE, sort, 600, 50)).extracting(CaseloadEntry::coupleId)
                    .containsExactlyElementsOf(walked.subList(600, 650));
            assertThat(caseload.page(CoupleFilter.NONE, sort, 1990, 50)).hasSize(10);
            assertThat(caseload.page(CoupleFilter.NONE, sort, 2500, 50)).isEmpty();
        }
    }

    @Test
    void a_key_of_another_order_is_refused() {
        signIn.as(therapist);
        generateCouples(1, 10);
        CaseloadKey byName = java.util.Objects.requireNonNull(
                caseload.page(CoupleFilter.NONE, List.of(), CaseloadKey.START, 0, 5).next());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> caseload.page(CoupleFilter.NONE,
                        List.of(CaseloadSort.NEEDS_ATTENTION_FIRST), byName, 0, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
