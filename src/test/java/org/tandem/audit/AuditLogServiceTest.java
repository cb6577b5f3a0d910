package org.tandem.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.inline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Outcome;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.couples.CoupleService;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

@IntegrationTest
class AuditLogServiceTest {

    @Autowired AuditLogService log;
    @Autowired CoupleService couples;
    @Autowired ApplicationEventPublisher events;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired TestClock clock;
    @Autowired DSLContext dsl;

    Person admin;
    Person jordan;
    Person priya;
    Couple alexAndSam;
    Couple danielAndGrace;
    Person otherAdmin;
    Person otherTherapist;
    AuditTrail trail;

    /** Committed: refusals are written in a transaction of their own, which must see the clinics and accounts. */
    @BeforeEach
    void two_clinics() {
        fixtures.committed(() -> {
            Clinic riverside = fixtures.clinic("Riverside Counselling");
            admin = fixtures.admin(riverside, "Morgan Ellis");
            jordan = fixtures.therapist(riverside, "Dr. Jordan Reyes");
            priya = fixtures.therapist(riverside, "Priya Nair");
            alexAndSam = fixtures.couple(jordan, "Alex Morgan", "Samira Patel");
            danielAndGrace = fixtures.couple(jordan, "Daniel Okafor", "Grace Okafor");
            Clinic northside = fixtures.clinic("Northside Counselling");
            otherAdmin = fixtures.admin(northside, "Dana Office");
            otherTherapist = fixtures.therapist(northside, "Lee Park");
            fixtures.couple(otherTherapist, "Robin Hart", "Casey Hart");
        });
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    private void record(Person who, AuditAction action, Subject subject, String detail) {
        events.publishEvent(new AuditEvent(who.clinicId(), who.accountId(), who.email(), action, subject,
                Outcome.SUCCESS, detail));
    }

    /** Every row of the filter, paging through in pages of {@code size}. */
    private List<AuditEntry> all(AuditFilter filter, int size) {
        List<AuditEntry> rows = new ArrayList<>();
        AuditCursor after = null;
        do {
            AuditPage page = log.page(filter, after, size);
            assertThat(page.rows()).hasSizeLessThanOrEqualTo(size);
            rows.addAll(page.rows());
            after = page.next();
        } while (after != null);
        return rows;
    }

    /**
     * A day of the clinic: Jordan schedules a session and opens Alex and Sam, Priya is refused them, an invitation
     * fails; the next day the admin reads the assignments; the day after, Alex opens their couple.
     */
    private void a_few_days_of_audit() {
        signIn.as(jordan.email());
        fixtures.session(jordan, alexAndSam, LocalDateTime.of(TestClock.TODAY.plusDays(7), LocalTime.NOON));
        record(jordan, AuditAction.COUPLE_READ, Subject.couple(alexAndSam.id()), "overview");
        record(jordan, AuditAction.COUPLE_READ, Subject.couple(danielAndGrace.id()), "overview");
        signIn.as(priya.email());
        assertThatThrownBy(() -> couples.overview(alexAndSam.id())).isInstanceOf(AccessDeniedException.class);
        events.publishEvent(new AuditEvent(jordan.clinicId(), jordan.accountId(), jordan.email(),
                AuditAction.INVITATION_ISSUED, null, Outcome.FAILURE, "couple " + danielAndGrace.id() + ": NO_EMAIL"));
        clock.advance(Duration.ofDays(1));
        record(admin, AuditAction.ASSIGNMENTS_READ, Subject.clinic(admin.clinicId()), "offset 0, 2 couples");
        clock.advance(Duration.ofDays(1));
        events.publishEvent(new AuditEvent(jordan.clinicId(), alexAndSam.one().accountId(), alexAndSam.one().email(),
                AuditAction.MY_COUPLE_READ, Subject.couple(alexAndSam.id()), Outcome.SUCCESS, null));
        record(otherTherapist, AuditAction.COUPLE_READ, Subject.couple(alexAndSam.id()), "overview");
        signIn.as(admin.email());
    }

    @Test
    void each_filter_narrows_the_rows_to_those_it_names() {
        a_few_days_of_audit();
        List<AuditEntry> everything = all(AuditFilter.NONE, 4);
        assertThat(everything).hasSizeGreaterThanOrEqualTo(8);

        assertNarrows(everything, new AuditFilter(jordan.accountId(), null, null, null, null, null),
                row -> Long.valueOf(jordan.accountId()).equals(row.actorAccountId()));
        assertNarrows(everything, new AuditFilter(null, null, AuditAction.COUPLE_READ, null, null, null),
                row -> row.action().equals("couple.read"));
        assertNarrows(everything, new AuditFilter(null, null, null, Outcome.DENIED, null, null),
                row -> row.outcome() == Outcome.DENIED);
        assertNarrows(everything, new AuditFilter(null, null, null, Outcome.FAILURE, null, null),
                row -> row.outcome() == Outcome.FAILURE);
        assertThat(all(new AuditFilter(null, null, null, null, TestClock.TODAY.plusDays(1),
                TestClock.TODAY.plusDays(1)), 4)).extracting(AuditEntry::action).containsExactly("assignments.read");
        assertThat(all(new AuditFilter(null, null, null, null, TestClock.TODAY.plusDays(1), null), 4))
                .extracting(AuditEntry::action).containsExactly("couple.read-own", "assignments.read");
        assertThat(all(new AuditFilter(null, null, null, null, null, TestClock.TODAY), 4))
                .hasSize(everything.size() - 2);
        assertThat(all(new AuditFilter(jordan.accountId(), null, AuditAction.COUPLE_READ, Outcome.SUCCESS,
                TestClock.TODAY, TestClock.TODAY), 4)).extracting(AuditEntry::subjectId)
                .containsExactly(danielAndGrace.id(), alexAndSam.id());
    }

    private void assertNarrows(List<AuditEntry> everything, AuditFilter filter, Predicate<AuditEntry> expected) {
        List<AuditEntry> filtered = all(filter, 3);
        assertThat(filtered).as(filter.describe()).isNotEmpty().hasSizeLessThan(everything.size())
                .containsExactlyElementsOf(everything.stream().filter(expected).toList());
    }

    @Test
    void the_couple_filter_finds_the_couple_the_records_that_belong_to_it_and_refusals_naming_it() {
        a_few_days_of_audit();

        List<AuditEntry> aboutAlexAndSam = all(new AuditFilter(null, alexAndSam.id(), null, null, null, null), 50);

        assertThat(aboutAlexAndSam).extracting(AuditEntry::action).containsExactly(
                "couple.read-own", "access.denied", "couple.read", "session.schedule", "couple.create");
        assertThat(aboutAlexAndSam.get(1).detail()).isEqualTo("couple " + alexAndSam.id() + ": not on the caseload");
        assertThat(aboutAlexAndSam.get(3).subjectType()).isEqualTo("couple_session");
        assertThat(all(new AuditFilter(null, danielAndGrace.id(), null, null, null, null), 50))
                .extracting(AuditEntry::action).containsExactly("couple.read", "couple.create");
    }

    @Test
    void keyset_pages_return_every_row_once_newest_first_also_among_rows_of_the_same_instant() {
        signIn.as(admin.email());
        for (int i = 0; i < 7; i++) {
            record(jordan, AuditAction.CASELOAD_READ, Subject.account(jordan.accountId()), "same instant " + i);
        }
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 4; i++) {
            record(priya, AuditAction.CASELOAD_READ, Subject.account(priya.accountId()), "a minute later " + i);
        }
        List<AuditEntry> expected = all(AuditFilter.NONE, 1000);
        assertThat(expected).isSortedAccordingTo(Comparator.comparing(AuditEntry::occurredAt)
                .thenComparing(AuditEntry::id).reversed());
        assertThat(expected.subList(0, 4)).extracting(AuditEntry::detail).allMatch(detail -> detail.startsWith("a minute"));

        for (int size : new int[] {1, 2, 3, 5}) {
            List<AuditEntry> paged = all(AuditFilter.NONE, size);
            assertThat(paged).as("pages of " + size).extracting(AuditEntry::id)
                    .doesNotHaveDuplicates()
                    .containsExactlyElementsOf(expected.stream().map(AuditEntry::id).toList());
        }
        AuditPage last = log.page(AuditFilter.NONE, expected.get(expected.size() - 2).cursor(), 5);
        assertThat(last.rows()).extracting(AuditEntry::id).containsExactly(expected.getLast().id());
        assertThat(last.next()).isNull();
    }

    @Test
    void an_admin_never_sees_another_clinics_rows_people_or_couples() {
        a_few_days_of_audit();

        List<AuditEntry> riverside = all(AuditFilter.NONE, 50);
        assertThat(riverside).extracting(AuditEntry::actor).doesNotContain(otherTherapist.email(), otherAdmin.email());
        assertThat(all(new AuditFilter(otherTherapist.accountId(), null, null, null, null, null), 50)).isEmpty();
        assertThat(log.people()).extracting(AuditPerson::email)
                .contains(admin.email(), jordan.email(), alexAndSam.one().email())
                .doesNotContain(otherAdmin.email(), otherTherapist.email());
        assertThat(log.couples()).extracting(AuditCouple::names)
                .containsExactly("Alex Morgan & Samira Patel", "Daniel Okafor & Grace Okafor");

        signIn.as(otherAdmin.email());
        assertThat(all(AuditFilter.NONE, 50)).extracting(AuditEntry::actor)
                .contains(otherTherapist.email()).doesNotContain(jordan.email(), admin.email(), priya.email());
        assertThat(all(new AuditFilter(null, alexAndSam.id(), null, null, null, null), 50)).isEmpty();
    }

    @Test
    void a_therapist_and_a_partner_are_refused_the_log_and_the_export_and_each_refusal_is_kept() {
        for (String who : List.of(jordan.email(), alexAndSam.two().email())) {
            signIn.as(who);
            assertThatThrownBy(() -> log.page(AuditFilter.NONE, null, 50)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> log.export(AuditFilter.NONE, new ByteArrayOutputStream()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> log.people()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> log.couples()).isInstanceOf(AccessDeniedException.class);
        }

        assertThat(trail.since("access.denied")).extracting(AuditEventRecord::getActor, AuditEventRecord::getDetail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(jordan.email(), "call AuditLogService.page: not authorised"),
                        org.assertj.core.groups.Tuple.tuple(jordan.email(), "call AuditLogService.export: not authorised"),
                        org.assertj.core.groups.Tuple.tuple(jordan.email(), "call AuditLogService.people: not authorised"),
                        org.assertj.core.groups.Tuple.tuple(jordan.email(), "call AuditLogService.couples: not authorised"),
                        org.assertj.core.groups.Tuple.tuple(alexAndSam.two().email(), "call AuditLogService.page: not authorised"),
                        org.assertj.core.groups.Tuple.tuple(alexAndSam.two().email(), "call AuditLogService.export: not authorised"),
                        org.assertj.core.groups.Tuple.tuple(alexAndSam.two().email(), "call AuditLogService.people: not authorised"),
                        org.assertj.core.groups.Tuple.tuple(alexAndSam.two().email(), "call AuditLogService.couples: not authorised"));
        assertThat(trail.since("audit.export")).isEmpty();
    }

    @Test
    void the_export_writes_every_row_of_the_filter_and_is_itself_audited() throws IOException {
        a_few_days_of_audit();
        events.publishEvent(new AuditEvent(admin.clinicId(), null, "=HYPERLINK(\"https://evil.example\")",
                AuditAction.SIGNED_IN, null, Outcome.FAILURE, "BadCredentialsException"));
        AuditFilter jordans = new AuditFilter(jordan.accountId(), null, null, null, null, null);
        List<AuditEntry> expected = all(jordans, 50);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        long written = log.export(jordans, file);

        List<String> lines = file.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(written).isEqualTo(expected.size());
        assertThat(lines).hasSize(expected.size() + 1);
        assertThat(lines.getFirst()).isEqualTo(String.join(",", AuditLogService.CSV_HEADER));
        assertThat(lines.get(1)).startsWith(expected.getFirst().id() + ",2026-06-10T10:30:00+02:00,"
                + jordan.accountId() + "," + jordan.email() + ",Dr. Jordan Reyes,");
        assertThat(trail.since("audit.export")).singleElement().satisfies(row -> {
            assertThat(row.getActorAccountId()).isEqualTo(admin.accountId());
            assertThat(row.getOutcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(row.getDetail()).isEqualTo("actor account " + jordan.accountId() + ": " + expected.size() + " rows");
        });

        ByteArrayOutputStream failures = new ByteArrayOutputStream();
        log.export(new AuditFilter(null, null, AuditAction.SIGNED_IN, Outcome.FAILURE, null, null), failures);
        assertThat(failures.toString(StandardCharsets.UTF_8))
                .contains(",\"'=HYPERLINK(\"\"https://evil.example\"\")\",");
    }

    @Test
    void an_export_the_browser_breaks_off_is_recorded_as_failed_after_the_rows_it_wrote() {
        signIn.as(admin.email());
        dsl.execute("""
                insert into audit_event (occurred_at, clinic_id, actor_account_id, actor, action, subject_type,
                        subject_id, outcome, detail)
                select {0}, {1}, {2}, {3}, 'caseload.read', 'account', {2}, 'SUCCESS', 'offset ' || n || ', 25 couples'
                from generate_series(1, 5000) n
                """, inline(TestClock.START_AT), inline(jordan.clinicId()), inline(jordan.accountId()),
                inline(jordan.email()));
        OutputStream gone = new OutputStream() {
            private int bytes;

            @Override
            public void write(int b) throws IOException {
                if (++bytes > 64 * 1024) {
                    throw new IOException("Broken pipe");
                }
            }
        };

        assertThatThrownBy(() -> log.export(AuditFilter.NONE, gone)).hasMessageContaining("Broken pipe");

        assertThat(trail.since("audit.export")).singleElement().satisfies(row -> {
            assertThat(row.getOutcome()).isEqualTo(Outcome.FAILURE);
            assertThat(row.getDetail()).startsWith("no filter: broken off after ");
            long rows = Long.parseLong(row.getDetail().replaceAll("\\D+", " ").strip().split(" ")[0]);
            assertThat(rows).isPositive().isLessThan(5000);
        });
    }

    @Test
    void a_detail_that_carries_a_clinical_value_is_withheld_on_the_page_and_in_the_export() throws IOException {
        record(jordan, AuditAction.GOAL_UPDATE_ADDED, Subject.goal(7), "progress 40");
        record(jordan, AuditAction.ALERT_ACKNOWLEDGED, Subject.couple(alexAndSam.id()),
                "RELIABLE_DETERIORATION partner 12 subject 3");
        record(jordan, AuditAction.NOTE_SAVED, Subject.session(5), "version 2, 120 characters");
        signIn.as(admin.email());

        List<AuditEntry> rows = log.page(new AuditFilter(jordan.accountId(), null, null, null, null, null), null, 3)
                .rows();
        assertThat(rows).extracting(AuditEntry::action, AuditEntry::detail, AuditEntry::detailWithheld).containsExactly(
                org.assertj.core.groups.Tuple.tuple("session-note.save", "version 2, 120 characters", false),
                org.assertj.core.groups.Tuple.tuple("balance.alert_acknowledged", null, true),
                org.assertj.core.groups.Tuple.tuple("goal.update-add", null, true));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        log.export(new AuditFilter(jordan.accountId(), null, AuditAction.GOAL_UPDATE_ADDED, null, null, null), file);
        assertThat(file.toString(StandardCharsets.UTF_8)).contains(",goal.update-add,goal,7,SUCCESS,(withheld: clinical),")
                .doesNotContain("progress 40");
    }

    @Test
    void a_range_that_ends_before_it_starts_is_refused() {
        assertThatThrownBy(() -> new AuditFilter(null, null, null, null, TestClock.TODAY, TestClock.TODAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
