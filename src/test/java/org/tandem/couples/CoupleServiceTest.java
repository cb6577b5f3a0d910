package org.tandem.couples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.support.DemoTest;
import org.tandem.support.OtherClinic;
import org.tandem.support.SignIn;

@DemoTest
class CoupleServiceTest {

    @Autowired CoupleService couples;
    @Autowired CaseloadService caseload;
    @Autowired UserDetailsService accounts;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void second_clinic_exists() {
        OtherClinic.ensure(dsl, transactions);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private static List<String> names(List<CaseloadEntry> page) {
        return page.stream().flatMap(entry -> java.util.stream.Stream.of(entry.partnerOne(), entry.partnerTwo()))
                .toList();
    }

    @Test
    void therapist_sees_every_couple_they_are_primary_or_co_therapist_of() {
        signIn.as("therapist@example.com");

        List<CaseloadEntry> page = caseload.page(0, 50);

        assertThat(names(page)).contains("Alex Morgan", "Samira Patel", "Daniel Okafor", "Kwame Mensah");
        assertThat(page).hasSize(9).hasSize(caseload.size());
        assertThat(page).extracting(CaseloadEntry::partnerOne).isSorted();
    }

    @Test
    void therapists_caseload_never_contains_another_therapists_couple() {
        signIn.as("therapist@example.com");

        assertThat(names(caseload.page(0, 100))).doesNotContain("Maya Johnson", "Chris Taylor", "Ravi Sharma");
    }

    @Test
    void nothing_of_another_clinic_is_returned() {
        signIn.as("therapist@example.com");
        assertThat(names(caseload.page(0, 100))).doesNotContain(OtherClinic.PARTNER_ONE, OtherClinic.PARTNER_TWO);

        signIn.as(OtherClinic.THERAPIST_EMAIL);
        List<CaseloadEntry> theirs = caseload.page(0, 100);
        assertThat(names(theirs)).containsExactlyInAnyOrder(OtherClinic.PARTNER_ONE, OtherClinic.PARTNER_TWO,
                "Jules Moreau", OtherClinic.PARTNER_TWO_OTHER);
        assertThat(caseload.size()).isEqualTo(2);
    }

    @Test
    void caseload_pages_do_not_overlap() {
        signIn.as("therapist@example.com");

        List<CaseloadEntry> first = caseload.page(0, 5);
        List<CaseloadEntry> second = caseload.page(5, 5);

        assertThat(first).hasSize(5);
        assertThat(second).hasSize(4).doesNotContainAnyElementsOf(first);
    }

    @Test
    void admin_and_client_are_refused_the_caseload() {
        signIn.as("admin@example.com");
        assertThatThrownBy(() -> caseload.page(0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> caseload.size()).isInstanceOf(AccessDeniedException.class);

        signIn.as("alex@example.com");
        assertThatThrownBy(() -> caseload.page(0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anonymous_is_refused_the_caseload() {
        assertThatThrownBy(() -> caseload.page(0, 10))
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    void partner_sees_their_own_couple_and_therapist() {
        signIn.as("alex@example.com");

        MyCouple mine = couples.myCouple().orElseThrow();

        assertThat(mine.myName()).isEqualTo("Alex");
        assertThat(mine.partnerName()).isEqualTo("Sam");
        assertThat(mine.therapistNames()).containsExactly("Dr. Jordan Reyes");
    }

    @Test
    void the_other_partner_sees_the_same_couple_from_their_side() {
        signIn.as("alex@example.com");
        long alexCouple = couples.myCouple().orElseThrow().coupleId();
        signIn.as("sam@example.com");

        MyCouple mine = couples.myCouple().orElseThrow();

        assertThat(mine.coupleId()).isEqualTo(alexCouple);
        assertThat(mine.myName()).isEqualTo("Sam");
        assertThat(mine.partnerName()).isEqualTo("Alex");
    }

    @Test
    void partner_of_another_clinic_sees_only_their_own_couple() {
        signIn.as(OtherClinic.CLIENT_EMAIL);

        MyCouple mine = couples.myCouple().orElseThrow();

        assertThat(mine.partnerName()).isEqualTo(OtherClinic.PARTNER_TWO);
        assertThat(mine.therapistNames()).containsExactly("Lee Park");
    }

    @Test
    void therapist_and_admin_are_refused_the_partners_view() {
        signIn.as("therapist@example.com");
        assertThatThrownBy(() -> couples.myCouple()).isInstanceOf(AccessDeniedException.class);
        signIn.as("admin@example.com");
        assertThatThrownBy(() -> couples.myCouple()).isInstanceOf(AccessDeniedException.class);
    }
}
