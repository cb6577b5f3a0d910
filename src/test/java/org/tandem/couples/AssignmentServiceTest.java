package org.tandem.couples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.PARTNER;

import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.accounts.TandemUser;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.support.AuditTrail;
import org.tandem.support.DemoTest;
import org.tandem.support.OtherClinic;
import org.tandem.support.SignIn;

@DemoTest
class AssignmentServiceTest {

    @Autowired AssignmentService assignments;
    @Autowired CaseloadService caseload;
    @Autowired CoupleService couples;
    @Autowired CoupleAccess access;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired PlatformTransactionManager transactions;

    long jordan;
    long priya;
    long alexAndSam;
    long mensahs;
    AuditTrail trail;

    @BeforeEach
    void sign_in_as_admin() {
        OtherClinic.ensure(dsl, transactions);
        jordan = account("therapist@example.com");
        priya = account("therapist2@example.com");
        alexAndSam = coupleOf("Alex Morgan");
        mensahs = coupleOf("Kwame Mensah");
        trail = AuditTrail.from(dsl);
        signIn.as("admin@example.com");
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private long account(String email) {
        return dsl.select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.EMAIL.eq(email)).fetchSingle(ACCOUNT.ID);
    }

    private long coupleOf(String partnerName) {
        return dsl.select(PARTNER.COUPLE_ID).from(PARTNER).join(ACCOUNT).on(ACCOUNT.CLINIC_ID.eq(PARTNER.CLINIC_ID))
                .where(PARTNER.FULL_NAME.eq(partnerName), ACCOUNT.EMAIL.eq("therapist@example.com"))
                .fetchSingle(PARTNER.COUPLE_ID);
    }

    private long otherClinicCouple() {
        return dsl.select(PARTNER.COUPLE_ID).from(PARTNER).where(PARTNER.FULL_NAME.eq(OtherClinic.PARTNER_ONE))
                .fetchSingle(PARTNER.COUPLE_ID);
    }

    private List<String> caseloadOf(String email) {
        signIn.as(email);
        List<String> names = caseload.page(0, 100).stream().map(CaseloadEntry::partnerOne).toList();
        signIn.as("admin@example.com");
        return names;
    }

    private CoupleAssignment assignmentOf(String partnerOne) {
        return assignments.page(new CaseloadFilter(partnerOne, Set.of()), 0, 10).getFirst();
    }

    private List<String> therapistRows(long coupleId) {
        return dsl.select(COUPLE_THERAPIST.ROLE, COUPLE_THERAPIST.ACCOUNT_ID).from(COUPLE_THERAPIST)
                .where(COUPLE_THERAPIST.COUPLE_ID.eq(coupleId)).orderBy(COUPLE_THERAPIST.ROLE.desc())
                .fetch(row -> row.value1() + " " + row.value2());
    }

    @Test
    void admin_sees_every_couple_of_their_clinic_with_names_status_and_therapists_only() {
        List<CoupleAssignment> page = assignments.page(CaseloadFilter.NONE, 0, 100);

        assertThat(page).hasSize(17).hasSize(assignments.count(CaseloadFilter.NONE));
        assertThat(page).extracting(CoupleAssignment::partnerOne)
                .doesNotContain(OtherClinic.PARTNER_ONE, "Jules Moreau")
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
        assertThat(assignments.page(new CaseloadFilter("samira", Set.of()), 0, 10))
                .singleElement().extracting(CoupleAssignment::coupleId).isEqualTo(alexAndSam);
        assertThat(assignments.count(new CaseloadFilter("samira", Set.of()))).isEqualTo(1);
    }

    @Test
    void the_picker_lists_the_clinics_active_therapists_only() {
        assertThat(assignments.therapists()).containsExactly(
                new ClinicTherapist(jordan, "Dr. Jordan Reyes"), new ClinicTherapist(priya, "Priya Nair"));
    }

    @Test
    void after_a_move_the_old_therapist_no_longer_has_the_couple_and_the_new_one_has() {
        assertThat(caseloadOf("therapist@example.com")).contains("Alex Morgan");
        assertThat(caseloadOf("therapist2@example.com")).doesNotContain("Alex Morgan");

        assignments.moveTo(alexAndSam, priya);

        assertThat(caseloadOf("therapist@example.com")).doesNotContain("Alex Morgan");
        assertThat(caseloadOf("therapist2@example.com")).contains("Alex Morgan");
        signIn.as("therapist@example.com");
        assertThatThrownBy(() -> couples.heading(alexAndSam)).isInstanceOf(AccessDeniedException.class);
        signIn.as("admin@example.com");
        assertThat(trail.since("couple.move")).singleElement().satisfies(row -> {
            assertThat(row.getSubjectId()).isEqualTo(alexAndSam);
            assertThat(row.getDetail()).isEqualTo("primary therapist: account " + jordan + " -> account " + priya);
        });
    }

    @Test
    void moving_a_couple_to_its_co_therapist_drops_the_co_therapist_place() {
        assignments.moveTo(mensahs, jordan);

        assertThat(therapistRows(mensahs)).containsExactly("PRIMARY " + jordan);
        assertThat(caseloadOf("therapist2@example.com")).doesNotContain("Kwame Mensah");
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

        signIn.as("therapist2@example.com");
        CaseloadEntry entry = caseload.page(new CaseloadFilter("Alex", Set.of()), List.of(), 0, 10).getFirst();
        assertThat(entry.coupleId()).isEqualTo(alexAndSam);
        assertThat(entry.coTherapist()).isTrue();
        assertThat(access.requireTherapistOf(alexAndSam).email()).isEqualTo("therapist2@example.com");
        assertThat(couples.heading(alexAndSam).names()).isEqualTo("Alex Morgan & Samira Patel");
        signIn.as("admin@example.com");
        assertThat(trail.since("couple.co-therapist")).singleElement().extracting(AuditEventRecord::getDetail)
                .isEqualTo("co-therapist: account null -> account " + priya);
    }

    @Test
    void removing_the_co_therapist_takes_away_their_access() {
        assignments.setCoTherapist(mensahs, null);

        assertThat(therapistRows(mensahs)).containsExactly("PRIMARY " + priya);
        assertThat(caseloadOf("therapist@example.com")).doesNotContain("Kwame Mensah");
        signIn.as("therapist@example.com");
        assertThatThrownBy(() -> access.requireTherapistOf(mensahs)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_co_therapist_cannot_be_the_primary_therapist() {
        assertThatThrownBy(() -> assignments.setCoTherapist(alexAndSam, jordan))
                .isInstanceOfSatisfying(AssignmentRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(AssignmentRefusedException.Reason.SAME_AS_PRIMARY));
        assertThatThrownBy(() -> assignments.assign(alexAndSam, priya, priya))
                .isInstanceOf(AssignmentRefusedException.class);

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
        long admin = account("admin@example.com");
        long sam = account("sam@example.com");

        for (long notTherapist : List.of(admin, sam)) {
            assertThatThrownBy(() -> assignments.moveTo(alexAndSam, notTherapist))
                    .isInstanceOfSatisfying(AssignmentRefusedException.class, refused ->
                            assertThat(refused.reason()).isEqualTo(AssignmentRefusedException.Reason.NOT_A_THERAPIST));
            assertThatThrownBy(() -> assignments.setCoTherapist(alexAndSam, notTherapist))
                    .isInstanceOf(AssignmentRefusedException.class);
        }
        assertThat(therapistRows(alexAndSam)).containsExactly("PRIMARY " + jordan);
    }

    @Test
    void a_therapist_of_another_clinic_is_refused_and_the_refusal_is_kept() {
        long lee = account(OtherClinic.THERAPIST_EMAIL);

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
        signIn.as(OtherClinic.THERAPIST_EMAIL);
        assertThat(caseload.size()).isEqualTo(2);
    }

    @Test
    void the_other_clinics_admin_sees_and_assigns_nothing_of_this_clinic() {
        signIn.as(OtherClinic.ADMIN_EMAIL);

        assertThat(assignments.page(CaseloadFilter.NONE, 0, 100)).extracting(CoupleAssignment::partnerOne)
                .containsExactlyInAnyOrder(OtherClinic.PARTNER_ONE, "Jules Moreau");
        assertThat(assignments.therapists()).extracting(ClinicTherapist::displayName).containsExactly("Lee Park");
        assertThatThrownBy(() -> assignments.moveTo(alexAndSam, account(OtherClinic.THERAPIST_EMAIL)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void therapists_and_clients_are_refused_every_assignment_call_and_each_refusal_is_audited() {
        for (String email : List.of("therapist@example.com", "alex@example.com")) {
            TandemUser user = signIn.as(email);
            AuditTrail mark = AuditTrail.from(dsl);

            assertThatThrownBy(() -> assignments.page(CaseloadFilter.NONE, 0, 10)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> assignments.count(CaseloadFilter.NONE)).isInstanceOf(AccessDeniedException.class);
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
        signIn.as("admin@example.com");
        assertThat(therapistRows(alexAndSam)).containsExactly("PRIMARY " + jordan);
    }
}
