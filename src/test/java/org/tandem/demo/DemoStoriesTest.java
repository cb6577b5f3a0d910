package org.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.INVITATION;
import static org.tandem.jooq.Tables.NOTIFICATION;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.balance.AlertKind;
import org.tandem.balance.AlertService;
import org.tandem.balance.BalanceService;
import org.tandem.balance.CoupleAlert;
import org.tandem.balance.CoupleBalance;
import org.tandem.balance.Zone;
import org.tandem.clinic.ClinicTime;
import org.tandem.caseload.CaseloadEntry;
import org.tandem.couples.CoupleFilter;
import org.tandem.caseload.CaseloadService;
import org.tandem.couples.CoupleService;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.PartnerDetails;
import org.tandem.invitations.InvitationService;
import org.tandem.invitations.InvitationState;
import org.tandem.invitations.PartnerInvitation;
import org.tandem.notifications.NotificationKind;
import org.tandem.sessions.Session;
import org.tandem.sessions.SessionService;
import org.tandem.sessions.SessionStatus;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.workbook.AssignmentSummary;
import org.tandem.workbook.Progress;
import org.tandem.workbook.WorkbookService;
import org.tandem.accounts.DemoSecondFactor;

/**
 * The demo tells every story on any day: loaded into an empty database at awkward instants (each weekday, just after
 * midnight and just before, both clock changes in Berlin and in New York and the evenings before them, New Year's
 * Eve, a leap day) in the clinic zones furthest from each other, each story of DemoClinicLoader holds, read through
 * the services that show it. Each case loads the demo in the test's transaction, which is rolled back.
 *
 * <p>The empty database is FirstRunSetupTest's context (the same properties and profile), so no context is added.
 */
@SpringBootTest(properties = "tandem.demo.enabled=false")
@ActiveProfiles("test")
@Transactional
class DemoStoriesTest {

    private static final String JORDAN = "therapist@example.com";
    private static final String PRIYA = "therapist2@example.com";

    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired ClinicTime time;
    @Autowired DemoSecondFactor demoSecondFactor;
    @Autowired TestClock clock;
    @Autowired SignIn signIn;
    @Autowired CaseloadService caseload;
    @Autowired CoupleService couples;
    @Autowired AlertService alerts;
    @Autowired BalanceService balance;
    @Autowired InvitationService invitations;
    @Autowired WorkbookService workbook;
    @Autowired SessionService sessions;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** An instant at which the demo is loaded: a wall-clock time in the clinic's zone. */
    record Case(ZonedDateTime at, String why) {
        @Override
        public String toString() {
            return at.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                    + at.format(DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.ENGLISH)) + " in "
                    + at.getZone() + (why.isEmpty() ? "" : " (" + why + ")");
        }
    }

    static Stream<Case> instants() {
        List<Case> cases = new ArrayList<>();
        // UTC, and the zones a day apart at either end of the world: the clinic's "today" is not the server's.
        for (String zone : List.of("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago")) {
            ZoneId id = ZoneId.of(zone);
            // the week of Monday 8 June 2026
            cases.add(new Case(ZonedDateTime.of(2026, 6, 8, 0, 5, 0, 0, id), ""));
            cases.add(new Case(ZonedDateTime.of(2026, 6, 9, 23, 55, 0, 0, id), ""));
            cases.add(new Case(ZonedDateTime.of(2026, 6, 10, 12, 0, 0, 0, id), ""));
            cases.add(new Case(ZonedDateTime.of(2026, 6, 11, 0, 5, 0, 0, id), ""));
            cases.add(new Case(ZonedDateTime.of(2026, 6, 12, 23, 55, 0, 0, id), ""));
            cases.add(new Case(ZonedDateTime.of(2026, 6, 13, 0, 5, 0, 0, id), ""));
            cases.add(new Case(ZonedDateTime.of(2026, 6, 14, 23, 55, 0, 0, id), ""));
            cases.add(new Case(ZonedDateTime.of(2026, 3, 29, 0, 5, 0, 0, id), "Berlin's clock change day"));
            cases.add(new Case(ZonedDateTime.of(2026, 11, 1, 23, 55, 0, 0, id), "New York's clock change day"));
            cases.add(new Case(ZonedDateTime.of(2026, 12, 31, 23, 55, 0, 0, id), "New Year's Eve"));
            cases.add(new Case(ZonedDateTime.of(2028, 2, 29, 0, 5, 0, 0, id), "leap day"));
            cases.add(new Case(ZonedDateTime.of(2028, 2, 28, 23, 55, 0, 0, id), "eve of a leap day"));
        }
        // The clock changes where they happen: on the day, and the evening before (tomorrow is 23 or 25 hours long).
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZoneId newYork = ZoneId.of("America/New_York");
        cases.add(new Case(ZonedDateTime.of(2026, 3, 28, 23, 55, 0, 0, berlin), "the night the clocks go forward"));
        cases.add(new Case(ZonedDateTime.of(2026, 3, 29, 3, 5, 0, 0, berlin), "just after the clocks went forward"));
        cases.add(new Case(ZonedDateTime.of(2026, 10, 24, 23, 55, 0, 0, berlin), "the night the clocks go back"));
        cases.add(new Case(ZonedDateTime.of(2026, 10, 25, 0, 5, 0, 0, berlin), "the day the clocks go back"));
        cases.add(new Case(ZonedDateTime.of(2026, 3, 7, 23, 55, 0, 0, newYork), "the night the clocks go forward"));
        cases.add(new Case(ZonedDateTime.of(2026, 3, 8, 0, 5, 0, 0, newYork), "the day the clocks go forward"));
        cases.add(new Case(ZonedDateTime.of(2026, 10, 31, 23, 55, 0, 0, newYork), "the night the clocks go back"));
        cases.add(new Case(ZonedDateTime.of(2026, 11, 1, 3, 5, 0, 0, newYork), "just after the clocks went back"));
        return cases.stream();
    }

    /** One couple as its primary therapist sees it. */
    record Seen(CaseloadEntry entry, List<PartnerDetails> partners, List<CoupleAlert> alerts, CoupleBalance balance,
            List<PartnerInvitation> invitations, List<AssignmentSummary> assignments, List<Session> sessions) {

        String name() {
            return entry.partnerOne() + " & " + entry.partnerTwo();
        }

        String partnerName(long partnerId) {
            return partners.stream().filter(partner -> partner.partnerId() == partnerId).findFirst().orElseThrow()
                    .fullName();
        }
    }

    private List<Seen> seenByTheirTherapists() {
        List<Seen> seen = new ArrayList<>();
        for (String therapist : List.of(JORDAN, PRIYA)) {
            signIn.as(therapist);
            for (CaseloadEntry entry : caseload.page(CoupleFilter.NONE, List.of(), 0, 100)) {
                if (!entry.coTherapist()) {
                    long id = entry.coupleId();
                    seen.add(new Seen(entry, couples.partners(id), alerts.alerts(id), balance.overview(id),
                            invitations.stateForPartners(id), workbook.assignments(id), sessions.list(id)));
                }
            }
        }
        signIn.out();
        return seen;
    }

    private static Seen couple(List<Seen> seen, String partnerOne) {
        return seen.stream().filter(couple -> couple.entry().partnerOne().equals(partnerOne)).findFirst()
                .orElseThrow(() -> new AssertionError("No couple of " + partnerOne));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instants")
    void every_story_holds_when_the_demo_is_loaded(Case when) {
        clock.set(when.at());
        Instant now = time.now();
        LocalDate today = time.today();
        new DemoClinicLoader(dsl, passwordEncoder, time, demoSecondFactor).run(new DefaultApplicationArguments());

        SoftAssertions story = new SoftAssertions();
        nothing_was_written_in_the_future(story, now);
        List<Seen> seen = seenByTheirTherapists();
        story.assertThat(seen).as("every couple, each seen by its primary therapist").hasSize(17);

        // Every zone among the partners' latest check-ins.
        story.assertThat(seen.stream().flatMap(couple -> couple.balance().partners().stream())
                        .map(partner -> partner.latest() == null ? null : partner.latest().zone())
                        .collect(Collectors.toSet()))
                .as("every zone").containsAll(EnumSet.allOf(Zone.class));

        // The Okafors: both from distant to balanced.
        story.assertThat(couple(seen, "Daniel Okafor").balance().partners()).as("the Okafors")
                .hasSize(2).allSatisfy(partner -> {
                    assertThat(partner.baseline().zone()).isEqualTo(Zone.DISTANT);
                    assertThat(partner.latest().zone()).isEqualTo(Zone.BALANCED);
                });

        // Alex: from distant to balanced, checked in at their latest session; Sam: fused, gaining independence.
        story.assertThat(couple(seen, "Alex Morgan").balance().partners().stream()
                        .sorted(java.util.Comparator.comparingInt(CoupleBalance.PartnerBalance::partnerPosition)))
                .as("Alex and Sam").satisfiesExactly(alex -> {
                    assertThat(alex.baseline().zone()).isEqualTo(Zone.DISTANT);
                    assertThat(alex.latest().zone()).isEqualTo(Zone.BALANCED);
                    assertThat(alex.latest().submittedAt()).isAfter(now.minus(java.time.Duration.ofDays(16)));
                }, sam -> {
                    assertThat(sam.baseline().zone()).isEqualTo(Zone.FUSED);
                    assertThat(sam.latest().scores().independence())
                            .isGreaterThan(sam.baseline().scores().independence());
                });

        // Wei: a reliable deterioration of intimacy, on parameters estimated from the clinic's baselines.
        Seen wei = couple(seen, "Wei Chen");
        story.assertThat(wei.alerts()).as("Wei's deterioration")
                .filteredOn(alert -> alert.kind() == AlertKind.RELIABLE_DETERIORATION)
                .extracting(alert -> wei.partnerName(alert.partnerId()), CoupleAlert::reasonKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Wei Chen", "balance.alert.deterioration.intimacy"));
        story.assertThat(wei.balance().provisional()).as("reliable change estimated, not provisional").isFalse();
        story.assertThat(dsl.fetchCount(dsl.selectDistinct(CHECK_IN.PARTNER_ID).from(CHECK_IN)
                        .where(CHECK_IN.SUBMITTED_AT.isNotNull())))
                .as("baseline check-ins in the clinic").isGreaterThanOrEqualTo(30);

        // Aisha and Omar: the divergence flag.
        story.assertThat(couple(seen, "Aisha Khan").alerts()).as("Aisha and Omar's divergence")
                .filteredOn(alert -> alert.kind() == AlertKind.DIVERGENCE).singleElement()
                .satisfies(alert -> assertThat(alert.partnerId()).isNull());

        // Ama alone has not checked in for a session within 48 hours: tomorrow's, for which Kwame has.
        story.assertThat(seen.stream().flatMap(couple -> couple.alerts().stream()
                        .filter(alert -> alert.kind() == AlertKind.MISSING_CHECK_IN)
                        .map(alert -> couple.partnerName(alert.partnerId()))).toList())
                .as("missing check-ins").containsExactly("Ama Mensah");
        OffsetDateTime amasNext = couple(seen, "Kwame Mensah").entry().nextSession();
        story.assertThat(amasNext).as("Kwame and Ama's next session").isNotNull();
        if (amasNext != null) {
            story.assertThat(amasNext.atZoneSameInstant(time.zone()).toLocalDate()).as("Kwame and Ama's next session")
                    .isEqualTo(today.plusDays(1));
        }

        // Couples without accounts: no one can sign in, so no one has checked in, and their window is not open.
        for (String partnerOne : List.of("Lucía Fernández", "Sofia Lindqvist")) {
            Seen withoutAccounts = couple(seen, partnerOne);
            story.assertThat(withoutAccounts.partners()).as(partnerOne + "'s couple has no accounts")
                    .noneMatch(PartnerDetails::canSignIn);
            story.assertThat(withoutAccounts.balance().partners()).as(partnerOne + "'s couple has no check-ins").isEmpty();
        }
        story.assertThat(seen).as("only partners who can sign in have checked in").allSatisfy(couple ->
                assertThat(couple.balance().partners()).allSatisfy(checkedIn -> assertThat(couple.partners())
                        .filteredOn(partner -> partner.partnerId() == checkedIn.partnerId())
                        .singleElement().extracting(PartnerDetails::canSignIn).isEqualTo(true)));

        // Invitations in every state: Lucía's link is out, Marco's ran out, Sofia's was withdrawn, Erik has none.
        Map<String, InvitationState> invited = new LinkedHashMap<>();
        seen.forEach(couple -> couple.invitations().forEach(invitation -> invited.put(
                couple.partners().get(invitation.position() - 1).fullName(), invitation.state())));
        story.assertThat(invited).as("invitations")
                .containsEntry("Lucía Fernández", InvitationState.PENDING)
                .containsEntry("Marco Rossi", InvitationState.EXPIRED)
                .containsEntry("Sofia Lindqvist", InvitationState.VOIDED)
                .containsEntry("Erik Lindqvist", InvitationState.NONE);
        // The one state no partner is in, an invitation that needs the clinic's attention, is a staff invitation's
        // on the Users page (Leo Brandt).
        story.assertThat(Set.copyOf(invited.values())).as("every invitation state")
                .containsAll(EnumSet.complementOf(EnumSet.of(InvitationState.NEEDS_ATTENTION)));
        story.assertThat(seen).as("partners who can sign in accepted their invitations")
                .allSatisfy(couple -> couple.partners().stream().filter(PartnerDetails::canSignIn)
                        .forEach(partner -> assertThat(couple.invitations().get(partner.position() - 1).state())
                                .isEqualTo(InvitationState.ACCEPTED)));

        // Modules reviewed, in progress, not started and overdue, overdue ones on the caseload of active couples.
        List<AssignmentSummary> assigned = seen.stream().flatMap(couple -> couple.assignments().stream()).toList();
        story.assertThat(assigned).as("reviewed modules").anyMatch(assignment -> assignment.reviewedAt() != null);
        story.assertThat(assigned).as("modules in progress").anyMatch(assignment -> assignment.works().stream()
                .anyMatch(work -> work.progress() == Progress.IN_PROGRESS));
        story.assertThat(assigned).as("modules not started").anyMatch(assignment -> assignment.works().stream()
                .allMatch(work -> work.progress() == Progress.NOT_STARTED));
        story.assertThat(seen).as("active couples with overdue modules")
                .filteredOn(couple -> couple.entry().status() == CoupleStatus.ACTIVE)
                .anyMatch(couple -> couple.entry().overdueModules() > 0
                        && couple.alerts().stream().anyMatch(alert -> alert.kind() == AlertKind.OVERDUE_ASSIGNMENT))
                .anyMatch(couple -> couple.assignments().stream()
                        .anyMatch(assignment -> !assignment.complete() && !assignment.overdue()));

        // A next session booked for every active and intake couple; every other session is over.
        story.assertThat(seen).as("sessions").allSatisfy(couple -> {
            CaseloadEntry entry = couple.entry();
            boolean booked = entry.status() == CoupleStatus.ACTIVE || entry.status() == CoupleStatus.INTAKE;
            assertThat(entry.nextSession() != null).as(couple.name() + " has a next session").isEqualTo(booked);
            assertThat(couple.sessions()).as(couple.name() + "'s sessions").allSatisfy(session -> {
                if (session.status() == SessionStatus.SCHEDULED) {
                    assertThat(session.startsAt().toInstant()).isAfter(now);
                } else {
                    assertThat(session.endsAt().toInstant()).isBefore(now);
                }
            });
            assertThat(couple.sessions()).filteredOn(session -> session.status() == SessionStatus.SCHEDULED)
                    .hasSize(booked ? 1 : 0);
            if (entry.status() != CoupleStatus.INTAKE) {
                assertThat(entry.lastSession()).as(couple.name() + "'s last session").isNotNull();
                assertThat(entry.lastSession().toInstant()).isBefore(now);
            }
        });
        // The bell: notifications of every kind (docs/decisions/034-messages-and-notifications.md).
        story.assertThat(dsl.selectDistinct(NOTIFICATION.KIND).from(NOTIFICATION).fetch(NOTIFICATION.KIND))
                .as("every kind of notification").containsExactlyInAnyOrder(NotificationKind.values());
        story.assertAll();
    }

    /**
     * Every time the demo clinic wrote lies before now, but for the next sessions and the expiry of the links still
     * out: a table by table look at each timestamptz column of the tables that carry a clinic.
     */
    private void nothing_was_written_in_the_future(SoftAssertions story, Instant now) {
        long clinic = dsl.select(CLINIC.ID).from(CLINIC).fetchSingle(CLINIC.ID);
        OffsetDateTime at = now.atOffset(java.time.ZoneOffset.UTC);
        var columns = dsl.resultQuery("""
                        select c.table_name, c.column_name from information_schema.columns c
                        where c.table_schema = 'public' and c.data_type = 'timestamp with time zone'
                          and exists (select 1 from information_schema.columns k where k.table_schema = 'public'
                                      and k.table_name = c.table_name and k.column_name = 'clinic_id')
                        order by 1, 2""").fetch();
        for (var column : columns) {
            String table = column.get(0, String.class);
            String name = column.get(1, String.class);
            var field = DSL.field(DSL.name(table, name), OffsetDateTime.class);
            var condition = DSL.field(DSL.name(table, "clinic_id"), Long.class).eq(clinic).and(field.ge(at));
            if (table.equals(COUPLE_SESSION.getName()) && name.equals(COUPLE_SESSION.STARTS_AT.getName())) {
                condition = condition.and(COUPLE_SESSION.STATUS.ne(SessionStatus.SCHEDULED));
            }
            if (table.equals(INVITATION.getName()) && name.equals(INVITATION.EXPIRES_AT.getName())) {
                continue;
            }
            story.assertThat(dsl.fetchCount(DSL.table(DSL.name(table)), condition))
                    .as(table + "." + name + " at or after now").isZero();
        }
        story.assertThat(dsl.fetchCount(COUPLE_SESSION, COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED),
                COUPLE_SESSION.STARTS_AT.le(at))).as("next sessions that are not ahead").isZero();
    }
}
