package org.tandem.couples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;

import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.TandemUser;
import org.tandem.caseload.CaseloadEntry;
import org.tandem.caseload.CaseloadService;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;

@IntegrationTest
class AssignmentServiceTest {

    @Autowired AssignmentService assignments;
    @Autowired CaseloadService caseload;
    @Autowired CoupleService couples;
    @Autowired CoupleAccess access;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;

    long jordan;
    long priya;
    long alexAndSam;
    long mensahs;
    long robinAndCasey;
    AuditTrail trail;
    /** E-mails: the clinic's admin, its therapists Jordan and Priya, Alex and Sam (a couple of Jordan's). */
    String adminEmail;
    String jordanEmail;
    String priyaEmail;
    String alexEmail;
    String samEmail;
    /** E-mails: the admin and the therapist (Lee) of another clinic. */
    String otherAdminEmail;
    String leeEmail;

    /**
     * Committed: refusals are audited in a transaction of their own, which must see the accounts. Four couples: Jordan
     * has Alex and Sam and Daniel and Grace, Priya has Kwame and Ama (Jordan co-therapist) and Maya and Chris; Lee, in
     * another clinic, has Robin and Casey and Jules and Samira.
     */
    @BeforeEach
    void sign_in_as_admin() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            Person admin = fixtures.admin(clinic, "Morgan Ellis");
            Person theJordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            Person thePriya = fixtures.therapist(clinic, "Priya Nair");
            Couple alex = fixtures.couple(theJordan, "Alex Morgan", "Samira Patel");
            fixtures.couple(theJordan, "Daniel Okafor", "Grace Okafor");
            Couple mensah = fixtures.couple(thePriya, "Kwame Mensah", "Ama Mensah");
            fixtures.coTherapist(admin, mensah, theJordan);
            fixtures.couple(thePriya, "Maya Johnson", "Chris Taylor");
            Clinic northside = fixtures.clinic("Northside Counselling");
            Person lee = fixtures.therapist(northside, "Lee Park");
            robinAndCasey = fixtures.couple(lee, "Robin Hart", "Casey Hart").id();
            fixtures.couple(lee, "Jules Moreau", "Samira Patel");
            adminEmail = admin.email();
            jordanEmail = theJordan.email();
            priyaEmail = thePriya.email();
            alexEmail = alex.one().email();
            samEmail = alex.two().email();
            otherAdminEmail = fixtures.admin(northside, "Dana Office").email();
            leeEmail = lee.email();
            jordan = theJordan.accountId();
            priya = thePriya.accountId();
            alexAndSam = alex.id();
            mensahs = mensah.id();
        });
        trail = AuditTrail.from(dsl);
        signIn.as(adminEmail);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private long account(String email) {
        return dsl.select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.EMAIL.eq(email)).fetchSingle(ACCOUNT.ID);
    }

    private long otherClinicCouple() {
        return robinAndCasey;
    }

    private List<String> caseloadOf(String email) {
        signIn.as(email);
        List<String> names = caseload.page(0, 100).stream().map(CaseloadEntry::partnerOne).toList();
        signIn.as(adminEmail);
        return names;
    }

    private CoupleAssignment assignmentOf(String partnerOne) {
        return assignments.page(new CoupleFilter(partnerOne, Set.of()), 0, 10).getFirst();
    }

    private List<String> therapistRows(long coupleId) {
        return dsl.select(COUPLE_THERAPIST.ROLE, COUPLE_THERAPIST.ACCOUNT_ID).from(COUPLE_THERAPIST)
                .where(COUPLE_THERAPIST.COUPLE_ID.eq(coupleId)).orderBy(COUPLE_THERAPIST.ROLE.desc())
                .fetch(row -> row.value1() + " " + row.value2());
    }

    @Test
    void admin_sees_every_couple_of_their_clinic_with_names_status_and_therapists_only() {
        List<CoupleAssignment> page = assignments.page(CoupleFilter.NONE, 0, 100);

        assertThat(page).hasSize(4).hasSize(assignments.count(CoupleFilter.NONE));
        assertThat(page).extracting(CoupleAssignment::partnerOne)
                .doesNotContain("Robin Hart", "Jules Moreau")
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        CoupleAssignment kwame = assignmentOf("Kwame");
        assertThat(kwame.names()).isEqualTo("Kwame Mensah & Ama Mensah");
        assertThat(kwame.status()).isEqualTo(CoupleStatus.ACTIVE);
        assertThat(kwame.primary()).isEqualTo(new ClinicTherapist(priya, "Priya Nair"));
        assertThat(kwame.coTherapist()).isEqualTo(new ClinicTherapist(jordan, "Dr. Jordan Reyes"));
        assertThat(assignmentOf("Alex").coTherapist()).isNull();
        assertThat(trail.since("assignments.read")).isNotEmpty();
    }

    @Test
    void admin_searches_by_either_partners_name_within_their_clinic_only() {
        assertThat(assignments.page(new CoupleFilter("samira", Set.of()), 0, 10))
                .singleElement().extracting(CoupleAssignment::coupleId).isEqualTo(alexAndSam);
        assertThat(assignments.count(new CoupleFilter("samira", Set.of()))).isEqualTo(1);
    }

    @Test
    void admin_narrows_by_status_and_every_word_must_match_a_name() {
        assertThat(assignments.page(new CoupleFilter("okafor", Set.of(CoupleStatus.ACTIVE)), 0, 10))
                .extracting(CoupleAssignment::partnerOne).containsExactly("Daniel Okafor");
        assertThat(assignments.count(new CoupleFilter("", Set.of(CoupleStatus.INTAKE, CoupleStatus.PAUSED))))
                .isZero();
        assertThat(assignments.count(new CoupleFilter("grace daniel", Set.of()))).isEqualTo(1);
        assertThat(assignments.count(new CoupleFilter("grace maya", Set.of()))).isZero();
    }

    @Test
    void the_picker_lists_the_clinics_active_therapists_only() {
        assertThat(assignments.therapists()).containsExactly(
                new ClinicTherapist(jordan, "Dr. Jordan Reyes"), new ClinicTherapist(priya, "Priya Nair"));
    }

    @Test
    void after_a_move_the_old_therapist_no_longer_has_the_couple_and_the_new_one_has() {
        assertThat(caseloadOf(jordanEmail)).contains("Alex Morgan");
        assertThat(caseloadOf(priyaEmail)).doesNotContain("Alex Morgan");

        assignments.moveTo(alexAndSam, priya);

        assertThat(caseloadOf(jordanEmail)).doesNotContain("Alex Morgan");
        assertThat(caseloadOf(priyaEmail)).contains("Alex Morgan");
        signIn.as(jordanEmail);
        assertThatThrownBy(() -> couples.heading(alexAndSam)).isInstanceOf(AccessDeniedException.class);
        signIn.as(adminEmail);
        assertThat(trail.since("couple.move")).singleElement().satisfies(row -> {
            assertThat(row.getSubjectId()).isEqualTo(alexAndSam);
            assertThat(row.getDetail()).isEqualTo("primary therapist: account " + jordan + " -> account " + priya);
        });
    }

    @Test
    void moving_a_couple_to_its_co_therapist_drops_the_co_therapist_place() {
        assignments.moveTo(mensahs, jordan);

        assertThat(therapistRows(mensahs)).containsExactly("PRIMARY " + jordan);
        assertThat(caseloadOf(priyaEmail)).doesNotContain("Kwame Mensah");
    }

    @Test
    void moving_a_couple_to_its_own_primary_changes_nothing() {
        assignments.moveTo(alexAndSam, jordan);

        assertThat(therapistRows(alexAndSam)).containsExactly("PRIMARY " + jordan);
        assertThat(trail.since("couple.move")).isEmpty();
    }

    @Test
    void a_co_therapist_sees_the_couple_on_their_caseload_and_passes_the_ownership_check() {
        assignments.setCoTherapist(alexAndSam, priya);

        signIn.as(priyaEmail);
        CaseloadEntry entry = caseload.page(new CoupleFilter("Alex", Set.of()), List.of(), 0, 10).getFirst();
        assertThat(entry.coupleId()).isEqualTo(alexAndSam);
        assertThat(entry.coTherapist()).isTrue();
        assertThat(access.requireTherapistOf(alexAndSam).email()).isEqualTo(priyaEmail);
        assertThat(couples.heading(alexAndSam).names()).isEqualTo("Alex Morgan & Samira Patel");
        signIn.as(adminEmail);
        assertThat(trail.since("couple.co-therapist")).singleElement().extracting(AuditEventRecord::getDetail)
                .isEqualTo("co-therapist: account null -> account " + priya);
    }

    @Test
    void removing_the_co_therapist_takes_away_their_access() {
        assignments.setCoTherapist(mensahs, null);

        assertThat(therapistRows(mensahs)).containsExactly("PRIMARY " + priya);
        assertThat(caseloadOf(jordanEmail)).doesNotContain("Kwame Mensah");
        signIn.as(jordanEmail);
        assertThatThrownBy(() -> access.requireTherapistOf(mensahs)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_co_therapist_cannot_be_the_primary_therapist() {
        assertThatThrownBy(() -> assignments.setCoTherapist(alexAndSam, jordan))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("assignments.error.SAME_AS_PRIMARY"));
        assertThatThrownBy(() -> assignments.assign(alexAndSam, priya, priya))
                .isInstanceOf(RefusedException.class);

        assertThat(therapistRows(alexAndSam)).containsExactly("PRIMARY " + jordan);
    }

    @Test
    void assign_sets_both_in_one_go_even_when_they_swap() {
        assignments.assign(mensahs, jordan, priya);

        assertThat(therapistRows(mensahs)).containsExactly("PRIMARY " + jordan, "CO_THERAPIST " + priya);
        assertThat(assignmentOf("Kwame").primary()).isEqualTo(new ClinicTherapist(jordan, "Dr. Jordan Reyes"));
    }

    @Test
    void an_admin_or_a_client_cannot_become_a_couples_therapist() {
        long admin = account(adminEmail);
        long sam = account(samEmail);

        for (long notTherapist : List.of(admin, sam)) {
            assertThatThrownBy(() -> assignments.moveTo(alexAndSam, notTherapist))
                    .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("assignments.error.NOT_A_THERAPIST"));
            assertThatThrownBy(() -> assignments.setCoTherapist(alexAndSam, notTherapist))
                    .isInstanceOf(RefusedException.class);
        }
        assertThat(therapistRows(alexAndSam)).containsExactly("PRIMARY " + jordan);
    }

    @Test
    void a_therapist_of_another_clinic_is_refused_and_the_refusal_is_kept() {
        long lee = account(leeEmail);

        assertThatThrownBy(() -> assignments.moveTo(alexAndSam, lee)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assignments.setCoTherapist(alexAndSam, lee)).isInstanceOf(AccessDeniedException.class);

        assertThat(therapistRows(alexAndSam)).containsExactly("PRIMARY " + jordan);
        assertThat(trail.since("access.denied")).extracting(AuditEventRecord::getDetail)
                .containsExactly("account " + lee + ": not in the clinic", "account " + lee + ": not in the clinic");
    }

    @Test
    void a_couple_of_another_clinic_is_refused_and_the_refusal_is_kept() {
        long theirs = otherClinicCouple();

        assertThatThrownBy(() -> assignments.moveTo(theirs, jordan)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assignments.setCoTherapist(theirs, null)).isInstanceOf(AccessDeniedException.class);

        assertThat(trail.since("access.denied")).extracting(AuditEventRecord::getDetail)
                .containsExactly("couple " + theirs + ": not in the clinic", "couple " + theirs + ": not in the clinic");
        signIn.as(leeEmail);
        assertThat(caseload.size()).isEqualTo(2);
    }

    @Test
    void the_other_clinics_admin_sees_and_assigns_nothing_of_this_clinic() {
        signIn.as(otherAdminEmail);

        assertThat(assignments.page(CoupleFilter.NONE, 0, 100)).extracting(CoupleAssignment::partnerOne)
                .containsExactlyInAnyOrder("Robin Hart", "Jules Moreau");
        assertThat(assignments.therapists()).extracting(ClinicTherapist::displayName).containsExactly("Lee Park");
        assertThatThrownBy(() -> assignments.moveTo(alexAndSam, account(leeEmail)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void therapists_and_clients_are_refused_every_assignment_call_and_each_refusal_is_audited() {
        for (String email : List.of(jordanEmail, alexEmail)) {
            TandemUser user = signIn.as(email);
            AuditTrail mark = AuditTrail.from(dsl);

            assertThatThrownBy(() -> assignments.page(CoupleFilter.NONE, 0, 10)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> assignments.count(CoupleFilter.NONE)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> assignments.therapists()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> assignments.moveTo(alexAndSam, priya)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> assignments.setCoTherapist(alexAndSam, priya)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> assignments.assign(alexAndSam, priya, null)).isInstanceOf(AccessDeniedException.class);

            assertThat(mark.since()).extracting(AuditEventRecord::getAction, AuditEventRecord::getActorAccountId,
                            AuditEventRecord::getDetail)
                    .containsExactly(
                            tuple("access.denied", user.accountId(), "call AssignmentService.page: not authorised"),
                            tuple("access.denied", user.accountId(), "call AssignmentService.count: not authorised"),
                            tuple("access.denied", user.accountId(), "call AssignmentService.therapists: not authorised"),
                            tuple("access.denied", user.accountId(), "call AssignmentService.moveTo: not authorised"),
                            tuple("access.denied", user.accountId(), "call AssignmentService.setCoTherapist: not authorised"),
                            tuple("access.denied", user.accountId(), "call AssignmentService.assign: not authorised"));
        }
        signIn.as(adminEmail);
        assertThat(therapistRows(alexAndSam)).containsExactly("PRIMARY " + jordan);
    }
}
