package org.tandem.caseload.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.caseload.CaseloadEntry;
import org.tandem.caseload.CaseloadService;
import org.tandem.caseload.CaseloadSort;
import org.tandem.couples.CoupleFilter;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

/** The grid's offsets turned into keyset pages: the same rows as paging by offset, whatever the order of asking. */
@IntegrationTest
class CaseloadPagesTest {

    @Autowired CaseloadService caseload;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private static List<Long> ids(Stream<CaseloadEntry> entries) {
        return entries.map(CaseloadEntry::coupleId).toList();
    }

    @Test
    void pages_asked_by_offset_are_read_after_the_key_of_the_page_before_them() {
        Person therapist = fixtures.therapist(fixtures.clinic("Keyset Counselling"), "Kay Seek");
        for (int n = 0; n < 12; n++) {
            fixtures.couple(therapist, "Partner" + (char) ('A' + n) + " One", "Partner" + (char) ('A' + n) + " Two");
        }
        signIn.as(therapist.email());
        List<CaseloadSort> byName = List.of(CaseloadSort.descending(CaseloadSort.Column.PARTNER_ONE));
        List<Long> all = caseload.page(CoupleFilter.NONE, byName, 0, 100).stream().map(CaseloadEntry::coupleId)
                .toList();
        CaseloadPages pages = new CaseloadPages(caseload);

        assertThat(ids(pages.fetch(CoupleFilter.NONE, byName, 0, 5))).isEqualTo(all.subList(0, 5));
        assertThat(ids(pages.fetch(CoupleFilter.NONE, byName, 5, 5))).isEqualTo(all.subList(5, 10));
        assertThat(pages.remembered()).isEqualTo(2);
        // A jump past what was read skips from the nearest key before it; one back reads from its own.
        assertThat(ids(pages.fetch(CoupleFilter.NONE, byName, 11, 5))).isEqualTo(all.subList(11, 12));
        assertThat(ids(pages.fetch(CoupleFilter.NONE, byName, 7, 3))).isEqualTo(all.subList(7, 10));
        assertThat(ids(pages.fetch(CoupleFilter.NONE, byName, 5, 5))).isEqualTo(all.subList(5, 10));

        // Another order (or filter) forgets the keys of the one before.
        assertThat(ids(pages.fetch(CoupleFilter.NONE, List.of(), 5, 5))).hasSize(5).isNotEqualTo(all.subList(5, 10));
        assertThat(pages.remembered()).isEqualTo(1);
        assertThat(ids(pages.fetch(new CoupleFilter("partnerb", Set.of()), List.of(), 0, 5))).hasSize(1);
        assertThat(pages.remembered()).isEqualTo(1);
    }
}
