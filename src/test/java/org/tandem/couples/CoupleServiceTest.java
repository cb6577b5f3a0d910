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
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

@IntegrationTest
class CoupleServiceTest {

    @Autowired CoupleService couples;
    @Autowired CaseloadService caseload;
    @Autowired UserDetailsService accounts;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    /** The e-mails of Jordan (a therapist), the clinic's admin, Alex and Sam (Jordan's couple). */
    String jordan;
    String admin;
    String alex;
    String sam;
    /** The e-mails of a therapist and a partner of another clinic. */
    String lee;
    String robin;

    /**
     * Committed: refusals are audited in a transaction of their own, which must see the accounts. Jordan has nine
     * couples, one of them as co-therapist of Priya's; Priya has two more; Lee, in another clinic, has two.
     */
    @BeforeEach
    void two_clinics() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            Person theAdmin = fixtures.admin(clinic, "Morgan Ellis");
            Person theJordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            Person priya = fixtures.therapist(clinic, "Priya Nair");
            Couple alexAndSam = fixtures.couple(theJordan, "Alex Morgan", "Alex", "Samira Patel", "Sam");
            fixtures.couple(theJordan, "Daniel Okafor", "Grace Okafor");
            fixtures.couple(theJordan, "Lucía Fernández", "Marco Rossi");
            fixtures.couple(theJordan, "Hannah Becker", "Tom Becker");
            fixtures.couple(theJordan, "Wei Chen", "Jamie Lin");
            fixtures.couple(theJordan, "Aisha Khan", "Omar Haddad");
            fixtures.couple(theJordan, "Rachel Green", "Noah Williams");
            fixtures.couple(theJordan, "Sofia Alvarez", "Ben Carter");
            fixtures.coTherapist(theAdmin, fixtures.couple(priya, "Kwame Mensah", "Efua Mensah"), theJordan);
            fixtures.couple(priya, "Maya Johnson", "Chris Taylor");
            fixtures.couple(priya, "Ravi Sharma", "Anita Sharma");
            Person theLee = fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park");
            Couple hart = fixtures.couple(theLee, "Robin Hart", "Casey Hart");
            fixtures.couple(theLee, "Jules Moreau", "Samira Patel");
            jordan = theJordan.email();
            admin = theAdmin.email();
            alex = alexAndSam.one().email();
            sam = alexAndSam.two().email();
            lee = theLee.email();
            robin = hart.one().email();
        });
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
        signIn.as(jordan);

        List<CaseloadEntry> page = caseload.page(0, 50);

        assertThat(names(page)).contains("Alex Morgan", "Samira Patel", "Daniel Okafor", "Kwame Mensah");
        assertThat(page).hasSize(9).hasSize(caseload.size());
        assertThat(page).extracting(CaseloadEntry::partnerOne).isSorted();
    }

    @Test
    void therapists_caseload_never_contains_another_therapists_couple() {
        signIn.as(jordan);

        assertThat(names(caseload.page(0, 100))).doesNotContain("Maya Johnson", "Chris Taylor", "Ravi Sharma");
    }

    @Test
    void nothing_of_another_clinic_is_returned() {
        signIn.as(jordan);
        assertThat(names(caseload.page(0, 100))).doesNotContain("Robin Hart", "Casey Hart", "Jules Moreau");

        signIn.as(lee);
        List<CaseloadEntry> theirs = caseload.page(0, 100);
        assertThat(names(theirs)).containsExactlyInAnyOrder("Robin Hart", "Casey Hart", "Jules Moreau",
                "Samira Patel");
        assertThat(caseload.size()).isEqualTo(2);
    }

    @Test
    void caseload_pages_do_not_overlap() {
        signIn.as(jordan);

        List<CaseloadEntry> first = caseload.page(0, 5);
        List<CaseloadEntry> second = caseload.page(5, 5);

        assertThat(first).hasSize(5);
        assertThat(second).hasSize(4).doesNotContainAnyElementsOf(first);
    }

    @Test
    void admin_and_client_are_refused_the_caseload() {
        signIn.as(admin);
        assertThatThrownBy(() -> caseload.page(0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> caseload.size()).isInstanceOf(AccessDeniedException.class);

        signIn.as(alex);
        assertThatThrownBy(() -> caseload.page(0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anonymous_is_refused_the_caseload() {
        assertThatThrownBy(() -> caseload.page(0, 10))
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    void partner_sees_their_own_couple_and_therapist() {
        signIn.as(alex);

        MyCouple mine = couples.myCouple().orElseThrow();

        assertThat(mine.myName()).isEqualTo("Alex");
        assertThat(mine.partnerName()).isEqualTo("Sam");
        assertThat(mine.therapistNames()).containsExactly("Dr. Jordan Reyes");
    }

    @Test
    void the_other_partner_sees_the_same_couple_from_their_side() {
        signIn.as(alex);
        long alexCouple = couples.myCouple().orElseThrow().coupleId();
        signIn.as(sam);

        MyCouple mine = couples.myCouple().orElseThrow();

        assertThat(mine.coupleId()).isEqualTo(alexCouple);
        assertThat(mine.myName()).isEqualTo("Sam");
        assertThat(mine.partnerName()).isEqualTo("Alex");
    }

    @Test
    void partner_of_another_clinic_sees_only_their_own_couple() {
        signIn.as(robin);

        MyCouple mine = couples.myCouple().orElseThrow();

        assertThat(mine.partnerName()).isEqualTo("Casey Hart");
        assertThat(mine.therapistNames()).containsExactly("Lee Park");
    }

    @Test
    void therapist_and_admin_are_refused_the_partners_view() {
        signIn.as(jordan);
        assertThatThrownBy(() -> couples.myCouple()).isInstanceOf(AccessDeniedException.class);
        signIn.as(admin);
        assertThatThrownBy(() -> couples.myCouple()).isInstanceOf(AccessDeniedException.class);
    }
}
