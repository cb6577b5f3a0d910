package org.tandem.couples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.PARTNER;

import org.tandem.sessions.Modality;
import org.tandem.sessions.SessionStatus;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.tandem.accounts.StaleVersionException;
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
import org.tandem.support.TestClock;

/** Creating a couple, reading its overview and partners, editing it; and every refusal around them. */
@IntegrationTest
class CoupleRecordTest {

    @Autowired CoupleService couples;

    @Autowired TestClock clock;
    @Autowired CaseloadService caseload;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    AuditTrail trail;
    /** The e-mails of Jordan (a therapist), the clinic's admin, Alex, Sam and Grace (partners of Jordan's couples). */
    String jordanEmail;
    String adminEmail;
    String alexEmail;
    String samEmail;
    String graceEmail;
    /** A therapist of another clinic. */
    String leeEmail;
    final Map<String, Long> couplesByName = new HashMap<>();

    /**
     * Committed: refusals are audited in a transaction of their own, which must see the accounts. Jordan has Alex and
     * Sam, Daniel and Grace, Lucía and Marco (at intake), and is co-therapist of Priya's Kwame and Efua; Priya also has
     * Maya and Chris; Lee, in another clinic, has Robin and Casey.
     */
    @BeforeEach
    void two_clinics() {
        fixtures.committed(() -> {
            Clinic clinic = fixtures.clinic("Riverside Counselling");
            Person theAdmin = fixtures.admin(clinic, "Morgan Ellis");
            Person theJordan = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            Person priya = fixtures.therapist(clinic, "Priya Nair");
            Couple alexAndSam = named(fixtures.couple(theJordan, "Alex Morgan", "Alex", "Samira Patel", "Sam"));
            Couple okafor = named(fixtures.couple(theJordan, "Daniel Okafor", "Grace Okafor"));
            couplesByName.put("Lucía Fernández", signIn.during(theJordan.email(), () -> couples.create(
                    couple(partner("Lucía Fernández", null), partner("Marco Rossi", null)))));
            fixtures.coTherapist(theAdmin, named(fixtures.couple(priya, "Kwame Mensah", "Efua Mensah")), theJordan);
            named(fixtures.couple(priya, "Maya Johnson", "Chris Taylor"));
            Person theLee = fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park");
            named(fixtures.couple(theLee, "Robin Hart", "Casey Hart"));
            jordanEmail = theJordan.email();
            adminEmail = theAdmin.email();
            alexEmail = alexAndSam.one().email();
            samEmail = alexAndSam.two().email();
            graceEmail = okafor.two().email();
            leeEmail = theLee.email();
        });
        trail = AuditTrail.from(dsl);
    }

    private Couple named(Couple couple) {
        couplesByName.put(couple.one().name(), couple.id());
        return couple;
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    static PartnerData partner(String name, String email) {
        return new PartnerData(name, null, null, email);
    }

    static CoupleData couple(PartnerData one, PartnerData two) {
        return new CoupleData(one, two, LocalDate.of(2015, 6, 1), LivingTogether.YES, List.of("communication"),
                CoupleStatus.INTAKE);
    }

    static CoupleData valid() {
        return new CoupleData(new PartnerData("  Jo Rivera ", "Jo", "she/her", " Jo.Rivera@Family.Example "),
                new PartnerData("Sam Rivera", "", " ", null), LocalDate.of(2015, 6, 1), LivingTogether.YES,
                List.of("communication", " trust ", "Communication", ""), null);
    }

    /** The id of the couple whose first partner has this name. */
    private long coupleOf(String partnerName) {
        return couplesByName.get(partnerName);
    }

    private int couplesInDatabase() {
        return dsl.fetchCount(COUPLE);
    }

    @Test
    void therapist_creates_a_couple_with_both_partners_and_becomes_its_primary_therapist() {
        TandemUser jordan = signIn.as(jordanEmail);

        long id = couples.create(valid());

        CoupleOverview overview = couples.overview(id);
        CoupleData data = overview.data();
        assertThat(data.partnerOne()).isEqualTo(new PartnerData("Jo Rivera", "Jo", "she/her", "jo.rivera@family.example"));
        assertThat(data.partnerTwo()).isEqualTo(new PartnerData("Sam Rivera", null, null, null));
        assertThat(data.togetherSince()).isEqualTo(LocalDate.of(2015, 6, 1));
        assertThat(data.livingTogether()).isEqualTo(LivingTogether.YES);
        assertThat(data.presentingConcerns()).containsExactly("communication", "trust");
        assertThat(data.status()).isEqualTo(CoupleStatus.INTAKE);
        assertThat(overview.therapists()).containsExactly(new AssignedTherapist(jordan.accountId(), "Dr. Jordan Reyes", true));
        assertThat(overview.statusHistory()).singleElement().satisfies(line -> {
            assertThat(line.from()).isNull();
            assertThat(line.to()).isEqualTo(CoupleStatus.INTAKE);
            assertThat(line.changedBy()).isEqualTo("Dr. Jordan Reyes");
            assertThat(line.changedAt()).isCloseTo(OffsetDateTime.now(clock), org.assertj.core.api.Assertions.within(1, ChronoUnit.HOURS));
        });
        assertThat(overview.nextSession()).isNull();
        assertThat(couples.partners(id)).extracting(PartnerDetails::position, PartnerDetails::fullName,
                        PartnerDetails::canSignIn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Jo Rivera", false),
                        org.assertj.core.groups.Tuple.tuple(2, "Sam Rivera", false));
        assertThat(caseload.page(0, 100)).extracting(CaseloadEntry::coupleId).contains(id);
        assertThat(trail.since("couple.create")).singleElement().satisfies(row -> {
            assertThat(row.getSubjectId()).isEqualTo(id);
            assertThat(row.getActorAccountId()).isEqualTo(jordan.accountId());
        });
        assertThat(trail.since("couple.read")).extracting(AuditEventRecord::getDetail)
                .containsExactly("overview", "partners");
    }

    static List<Arguments> bad_fields() {
        PartnerData ok = partner("Kim Lee", null);
        String long201 = "x".repeat(201);
        return List.of(
                Arguments.of("blank full name", couple(partner("  ", null), ok), "partnerOne.fullName",
                        "Enter the partner's full name."),
                Arguments.of("full name too long", couple(ok, partner(long201, null)), "partnerTwo.fullName",
                        "Keep the full name to 200 characters or fewer."),
                Arguments.of("preferred name too long", couple(new PartnerData("Kim", "p".repeat(101), null, null), ok),
                        "partnerOne.preferredName", "Keep the preferred name to 100 characters or fewer."),
                Arguments.of("pronouns too long", couple(ok, new PartnerData("Kim", null, "p".repeat(51), null)),
                        "partnerTwo.pronouns", "Keep the pronouns to 50 characters or fewer."),
                Arguments.of("malformed e-mail", couple(partner("Kim", "not-an-email"), ok), "partnerOne.email",
                        "Enter an e-mail address such as name@example.com."),
                Arguments.of("e-mail without a domain", couple(ok, partner("Kim", "kim@localhost")), "partnerTwo.email",
                        "Enter an e-mail address such as name@example.com."),
                Arguments.of("together since in the future", new CoupleData(ok, partner("Ana", null),
                                TestClock.TODAY.plusDays(1), LivingTogether.NO, List.of(), CoupleStatus.INTAKE),
                        "togetherSince", "The date can't be in the future."),
                Arguments.of("too many concerns", new CoupleData(ok, partner("Ana", null), null, LivingTogether.NO,
                                IntStream.rangeClosed(1, 21).mapToObj(i -> "concern " + i).toList(), CoupleStatus.INTAKE),
                        "presentingConcerns", "Enter at most 20 concerns."),
                Arguments.of("concern too long", new CoupleData(ok, partner("Ana", null), null, LivingTogether.NO,
                                List.of("c".repeat(51)), CoupleStatus.INTAKE),
                        "presentingConcerns[0]", "Keep each concern to 50 characters or fewer."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad_fields")
    void each_bad_field_is_refused_with_its_message_and_nothing_is_written(String what, CoupleData data,
            String property, String message) {
        signIn.as(jordanEmail);
        int before = couplesInDatabase();

        assertThatThrownBy(() -> couples.create(data))
                .isInstanceOfSatisfying(ConstraintViolationException.class, refused ->
                        assertThat(refused.getConstraintViolations()).singleElement().satisfies(violation -> {
                            assertThat(violation.getPropertyPath().toString()).contains(property);
                            assertThat(violation.getMessage()).isEqualTo(message);
                        }));
        assertThat(couplesInDatabase()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad_fields")
    void an_edit_is_checked_like_a_new_couple(String what, CoupleData data, String property, String message) {
        signIn.as(jordanEmail);
        long id = coupleOf("Alex Morgan");
        CoupleOverview before = couples.overview(id);

        assertThatThrownBy(() -> couples.update(id, before.version(), data))
                .isInstanceOfSatisfying(ConstraintViolationException.class, refused ->
                        assertThat(refused.getConstraintViolations()).extracting(ConstraintViolation::getMessage)
                                .containsExactly(message));
        assertThat(couples.overview(id)).isEqualTo(before);
    }

    @Test
    void a_partners_email_already_used_on_the_caseload_is_refused_and_nothing_is_written() {
        signIn.as(jordanEmail);
        couples.create(couple(partner("Jo Rivera", "jo@family.example"), partner("Sam Rivera", null)));
        int before = couplesInDatabase();

        assertThatThrownBy(() -> couples.create(
                couple(partner("Kim Lee", null), partner("Jo Other", " JO@Family.example "))))
                .isInstanceOfSatisfying(PartnerEmailTakenException.class,
                        taken -> assertThat(taken.position()).isEqualTo(2));
        assertThatThrownBy(() -> couples.create(couple(partner("Alex Again", alexEmail), partner("X", null))))
                .isInstanceOfSatisfying(PartnerEmailTakenException.class,
                        taken -> assertThat(taken.position()).isEqualTo(1));
        assertThat(couplesInDatabase()).isEqualTo(before);
    }

    @Test
    void the_same_email_is_allowed_in_another_clinic() {
        signIn.as(jordanEmail);
        couples.create(couple(partner("Jo Rivera", "jo@family.example"), partner("Sam Rivera", null)));

        signIn.as(leeEmail);
        long theirs = couples.create(couple(partner("Jo Namesake", "jo@family.example"), partner("Pat", null)));

        assertThat(couples.partners(theirs).getFirst().email()).isEqualTo("jo@family.example");
    }

    @Test
    void an_edit_can_keep_the_partners_own_emails_but_not_take_another_partners() {
        signIn.as(jordanEmail);
        long alex = coupleOf("Alex Morgan");
        CoupleOverview overview = couples.overview(alex);
        CoupleData unchanged = overview.data();
        int version = couples.update(alex, overview.version(), unchanged);

        CoupleData takesGrace = new CoupleData(unchanged.partnerOne(),
                new PartnerData("Samira Patel", "Sam", "she/her", graceEmail),
                unchanged.togetherSince(), unchanged.livingTogether(), unchanged.presentingConcerns(),
                unchanged.status());
        assertThatThrownBy(() -> couples.update(alex, version, takesGrace))
                .isInstanceOfSatisfying(PartnerEmailTakenException.class,
                        taken -> assertThat(taken.position()).isEqualTo(2));
        assertThat(couples.partners(alex).get(1).email()).isEqualTo(samEmail);
    }

    @Test
    void two_edits_from_the_same_version_the_second_is_reported_as_a_conflict_and_overwrites_nothing() {
        signIn.as(jordanEmail);
        long id = couples.create(valid());
        CoupleOverview opened = couples.overview(id);
        CoupleData first = withFacts(opened.data(), LocalDate.of(2014, 1, 1), List.of("first"), CoupleStatus.ACTIVE);
        CoupleData second = withFacts(opened.data(), LocalDate.of(2013, 1, 1), List.of("second"), CoupleStatus.PAUSED);

        int next = couples.update(id, opened.version(), first);

        assertThat(next).isEqualTo(opened.version() + 1);
        assertThatThrownBy(() -> couples.update(id, opened.version(), second))
                .isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("changed by someone else");
        CoupleOverview now = couples.overview(id);
        assertThat(now.version()).isEqualTo(next);
        assertThat(now.data()).isEqualTo(first);
        assertThat(now.statusHistory()).extracting(StatusChange::to).containsExactly(CoupleStatus.ACTIVE,
                CoupleStatus.INTAKE);
        assertThat(trail.since("couple.update")).hasSize(1);
    }

    @Test
    void a_status_change_is_recorded_with_who_and_when_and_stamps_the_couple() {
        TandemUser jordan = signIn.as(jordanEmail);
        long id = coupleOf("Lucía Fernández");
        CoupleOverview opened = couples.overview(id);

        couples.update(id, opened.version(), withFacts(opened.data(), opened.data().togetherSince(),
                List.of("trust"), CoupleStatus.ACTIVE));

        CoupleOverview now = couples.overview(id);
        assertThat(now.data().status()).isEqualTo(CoupleStatus.ACTIVE);
        assertThat(now.statusHistory()).first().satisfies(line -> {
            assertThat(line.from()).isEqualTo(CoupleStatus.INTAKE);
            assertThat(line.to()).isEqualTo(CoupleStatus.ACTIVE);
            assertThat(line.changedBy()).isEqualTo("Dr. Jordan Reyes");
            assertThat(line.changedAt()).isNotNull();
        });
        var row = dsl.selectFrom(COUPLE).where(COUPLE.ID.eq(id)).fetchSingle();
        assertThat(row.getUpdatedBy()).isEqualTo(jordan.accountId());
        assertThat(row.getUpdatedAt()).isNotNull();
        assertThat(trail.since("couple.update")).singleElement()
                .extracting(AuditEventRecord::getDetail).isEqualTo("status INTAKE -> ACTIVE");
    }

    @Test
    void an_edit_that_keeps_the_status_adds_no_history() {
        signIn.as(jordanEmail);
        long id = coupleOf("Alex Morgan");
        CoupleOverview opened = couples.overview(id);
        int lines = opened.statusHistory().size();

        couples.update(id, opened.version(), withFacts(opened.data(), LocalDate.of(2016, 1, 1), List.of("money"),
                opened.data().status()));

        assertThat(couples.overview(id).statusHistory()).hasSize(lines);
    }

    @Test
    void the_next_session_is_the_earliest_scheduled_one_still_to_come() {
        TandemUser jordan = signIn.as(jordanEmail);
        long id = couples.create(valid());
        OffsetDateTime now = OffsetDateTime.now(clock);
        session(jordan, id, now.minusDays(1), SessionStatus.SCHEDULED, Modality.VIDEO);
        session(jordan, id, now.plusHours(20), SessionStatus.CANCELLED, Modality.VIDEO);
        session(jordan, id, now.plusDays(5), SessionStatus.SCHEDULED, Modality.VIDEO);
        long next = session(jordan, id, now.plusDays(2), SessionStatus.SCHEDULED, Modality.IN_PERSON);

        NextSession session = couples.overview(id).nextSession();

        assertThat(session).isNotNull();
        assertThat(session.sessionId()).isEqualTo(next);
        assertThat(session.startsAt().toInstant()).isCloseTo(now.plusDays(2).toInstant(),
                org.assertj.core.api.Assertions.within(1, ChronoUnit.SECONDS));
        assertThat(session.modality()).isEqualTo("IN_PERSON");
        assertThat(session.durationMinutes()).isEqualTo(50);
    }

    private long session(TandemUser by, long coupleId, OffsetDateTime startsAt, SessionStatus status,
            Modality modality) {
        return dsl.insertInto(COUPLE_SESSION)
                .set(COUPLE_SESSION.CREATED_AT, TestClock.START_AT)
                .set(COUPLE_SESSION.CLINIC_ID, by.clinicId())
                .set(COUPLE_SESSION.COUPLE_ID, coupleId)
                .set(COUPLE_SESSION.STARTS_AT, startsAt)
                .set(COUPLE_SESSION.DURATION_MINUTES, 50)
                .set(COUPLE_SESSION.MODALITY, modality)
                .set(COUPLE_SESSION.STATUS, status)
                .set(COUPLE_SESSION.CREATED_BY, by.accountId())
                .returning(COUPLE_SESSION.ID).fetchSingle(COUPLE_SESSION.ID);
    }

    @Test
    void a_co_therapist_has_the_same_access_and_the_overview_names_both_therapists() {
        signIn.as(jordanEmail);
        long mensah = coupleOf("Kwame Mensah");

        CoupleOverview overview = couples.overview(mensah);

        assertThat(overview.therapists()).extracting(AssignedTherapist::displayName, AssignedTherapist::primary)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Priya Nair", true),
                        org.assertj.core.groups.Tuple.tuple("Dr. Jordan Reyes", false));
        couples.update(mensah, overview.version(), overview.data());
    }

    private void refusedEverything(long coupleId, CoupleData data) {
        List<Function<Long, Object>> calls = List.of(couples::heading, couples::overview, couples::partners,
                id -> couples.update(id, 0, data));
        for (Function<Long, Object> call : calls) {
            assertThatThrownBy(() -> call.apply(coupleId)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void a_therapist_cannot_read_or_edit_another_therapists_couple_and_each_refusal_is_audited() {
        signIn.as(jordanEmail);
        long maya = coupleOf("Maya Johnson");
        CoupleData data = valid();

        refusedEverything(maya, data);

        assertThat(trail.since("access.denied")).hasSize(4)
                .allSatisfy(row -> assertThat(row.getDetail()).isEqualTo("couple " + maya + ": not on the caseload"));
        assertThat(dsl.fetchCount(PARTNER, PARTNER.COUPLE_ID.eq(maya), PARTNER.FULL_NAME.eq("Jo Rivera"))).isZero();
    }

    @Test
    void a_therapist_cannot_reach_a_couple_of_another_clinic_nor_one_that_does_not_exist() {
        signIn.as(jordanEmail);
        long robin = coupleOf("Robin Hart");

        refusedEverything(robin, valid());
        refusedEverything(Long.MAX_VALUE, valid());

        assertThat(trail.since("access.denied")).hasSize(8);
    }

    @Test
    void admin_and_client_are_refused_every_method_and_each_refusal_is_audited() {
        long alex = coupleOf("Alex Morgan");
        for (String email : List.of(adminEmail, alexEmail)) {
            signIn.as(email);
            assertThatThrownBy(() -> couples.create(valid())).isInstanceOf(AccessDeniedException.class);
            refusedEverything(alex, valid());
        }

        List<AuditEventRecord> refusals = trail.since("access.denied");
        assertThat(refusals).hasSize(10);
        assertThat(refusals).extracting(AuditEventRecord::getActor).containsOnly(adminEmail, alexEmail);
        assertThat(refusals).extracting(AuditEventRecord::getDetail).contains("call CoupleService.create: not authorised",
                "call CoupleService.update: not authorised");
    }

    private static CoupleData withFacts(CoupleData data, LocalDate since, List<String> concerns, CoupleStatus status) {
        return new CoupleData(data.partnerOne(), data.partnerTwo(), since, LivingTogether.NO,
                Collections.unmodifiableList(concerns), status);
    }

    @Test
    void the_account_of_a_partner_who_can_sign_in_shows_on_the_partners_tab() {
        signIn.as(jordanEmail);

        List<PartnerDetails> partners = couples.partners(coupleOf("Alex Morgan"));

        assertThat(partners).extracting(PartnerDetails::preferredName, PartnerDetails::canSignIn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Alex", true),
                        org.assertj.core.groups.Tuple.tuple("Sam", true));
        assertThat(dsl.fetchCount(ACCOUNT, ACCOUNT.EMAIL.eq(alexEmail))).isEqualTo(1);
    }
}
