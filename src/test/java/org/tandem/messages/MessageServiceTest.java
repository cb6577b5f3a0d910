package org.tandem.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.MESSAGE;
import static org.tandem.jooq.Tables.MESSAGE_DRAFT;

import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.Role;
import org.tandem.couples.AssignmentService;
import org.tandem.couples.CoupleStatus;
import org.tandem.jooq.tables.records.AuditEventRecord;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

@IntegrationTest
@RecordApplicationEvents
class MessageServiceTest {

    @Autowired MessageService messages;
    @Autowired AssignmentService assignments;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;
    @Autowired TestClock clock;
    @Autowired ApplicationEvents events;
    AuditTrail trail;

    Person therapist;
    Person colleague;
    Person admin;
    Person northside;
    Couple morgans;
    String THERAPIST;
    String ALEX;
    String SAM;

    /** Committed: refusals are recorded in a transaction of their own, which must see the clinic and accounts. */
    @BeforeEach
    void prepare() {
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Riverside Couples Practice");
            therapist = fixtures.therapist(clinic, "Dr. Jordan Reyes");
            colleague = fixtures.therapist(clinic, "Dr. Kim Okafor");
            admin = fixtures.admin(clinic, "Morgan Office");
            morgans = fixtures.couple(therapist, "Alex Morgan", "Alex", "Samira Patel", "Sam");
            northside = fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park");
            fixtures.couple(northside, "Robin Hart", "Casey Hart");
        });
        THERAPIST = therapist.email();
        ALEX = morgans.one().email();
        SAM = morgans.two().email();
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    /** The couple's threads as the therapist lists them: joint, Alex's private, Sam's private. */
    List<ThreadSummary> threads() {
        return signIn.during(THERAPIST, () -> messages.ofCouple(morgans.id()));
    }

    long joint() {
        return threads().get(0).threadId();
    }

    long alexsPrivate() {
        return threads().get(1).threadId();
    }

    long samsPrivate() {
        return threads().get(2).threadId();
    }

    long send(String who, long thread, String body) {
        return signIn.during(who, () -> messages.send(thread, body));
    }

    MessageThread read(String who, long thread) {
        return signIn.during(who, () -> messages.read(thread));
    }

    int unread(String partner, long thread) {
        return signIn.during(partner, () -> messages.myThreads()).stream()
                .filter(summary -> summary.threadId() == thread).findFirst().orElseThrow().unread();
    }

    @Test
    void a_partner_has_the_joint_thread_and_their_own_private_one() {
        List<ThreadSummary> all = threads();
        assertThat(all).extracting(ThreadSummary::privatePartnerId)
                .containsExactly(null, morgans.one().partnerId(), morgans.two().partnerId());
        assertThat(all).extracting(ThreadSummary::privatePartnerName).containsExactly(null, "Alex", "Sam");

        List<ThreadSummary> alexs = signIn.during(ALEX, () -> messages.myThreads());
        assertThat(alexs).extracting(ThreadSummary::threadId).containsExactly(joint(), alexsPrivate());
        List<ThreadSummary> sams = signIn.during(SAM, () -> messages.myThreads());
        assertThat(sams).extracting(ThreadSummary::threadId).containsExactly(joint(), samsPrivate());
    }

    @Test
    void a_message_in_the_joint_thread_reaches_everyone_with_sender_time_and_read_by() {
        long joint = joint();
        long id = send(ALEX, joint, "Can we talk about Sunday?\nI have ideas.  \n\n");
        assertThat(unread(SAM, joint)).isEqualTo(1);

        MessageThread seenBySam = read(SAM, joint);
        assertThat(seenBySam.messages()).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo(id);
            assertThat(message.senderName()).isEqualTo("Alex");
            assertThat(message.body()).isEqualTo("Can we talk about Sunday?\nI have ideas.");
            assertThat(message.sentAt()).isEqualTo(TestClock.START);
            assertThat(message.mine()).isFalse();
            assertThat(message.withdrawable()).isFalse();
        });
        assertThat(seenBySam.newForReader()).isEqualTo(1);
        assertThat(unread(SAM, joint)).isZero();

        read(THERAPIST, joint);
        assertThat(read(ALEX, joint).readBy()).containsExactlyInAnyOrder("Sam", "Dr. Jordan Reyes");
        assertThat(events.stream(MessageSent.class)).singleElement().satisfies(sent -> {
            assertThat(sent.threadId()).isEqualTo(joint);
            assertThat(sent.privatePartnerId()).isNull();
            assertThat(sent.senderAccountId()).isEqualTo(morgans.one().accountId());
        });
    }

    @Test
    void newest_is_at_the_bottom_and_the_private_thread_has_no_read_by() {
        long thread = alexsPrivate();
        send(ALEX, thread, "First");
        clock.advance(Duration.ofMinutes(1));
        send(THERAPIST, thread, "Second");
        read(THERAPIST, thread);
        MessageThread seen = read(ALEX, thread);
        assertThat(seen.messages()).extracting(ShownMessage::body).containsExactly("First", "Second");
        assertThat(seen.messages()).extracting(ShownMessage::senderName).containsExactly("Alex", "Dr. Jordan Reyes");
        assertThat(seen.readBy()).isEmpty();
        assertThat(seen.joint()).isFalse();
    }

    @Test
    void reading_sending_and_withdrawing_are_audited_with_ids_only() {
        long thread = alexsPrivate();
        long id = send(THERAPIST, thread, "Secret words about the weekend");
        read(ALEX, thread);
        signIn.during(THERAPIST, () -> {
            messages.withdraw(id);
            return null;
        });
        List<AuditEventRecord> rows = trail.since();
        assertThat(rows).extracting(AuditEventRecord::getAction)
                .contains("message.send", "message.read", "message.withdraw");
        assertThat(trail.since("message.send")).singleElement().satisfies(row -> {
            assertThat(row.getSubjectType()).isEqualTo("message_thread");
            assertThat(row.getSubjectId()).isEqualTo(thread);
        });
        assertThat(trail.since("message.withdraw")).singleElement()
                .satisfies(row -> assertThat(row.getSubjectId()).isEqualTo(id));
        assertThat(rows).allSatisfy(row -> assertThat(String.valueOf(row.getDetail())).doesNotContain("Secret", "weekend"));
    }

    @Test
    void a_partner_never_reads_writes_counts_or_drafts_in_the_other_partners_private_thread() {
        long samsThread = samsPrivate();
        send(SAM, samsThread, "Only for the therapist");
        AuditTrail before = AuditTrail.from(dsl);

        signIn.as(ALEX);
        assertThatThrownBy(() -> messages.read(samsThread)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> messages.send(samsThread, "Hello")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> messages.saveDraft(samsThread, "Hello")).isInstanceOf(AccessDeniedException.class);
        assertThat(messages.myThreads()).extracting(ThreadSummary::threadId).doesNotContain(samsThread);
        assertThat(messages.myThreads()).extracting(ThreadSummary::unread).containsOnly(0);
        signIn.out();

        assertThat(before.since("access.denied")).hasSize(3)
                .allSatisfy(row -> assertThat(row.getDetail()).contains("thread " + samsThread));
        assertThat(dsl.fetchCount(MESSAGE, MESSAGE.THREAD_ID.eq(samsThread))).isEqualTo(1);
        assertThat(dsl.fetchCount(MESSAGE_DRAFT, MESSAGE_DRAFT.THREAD_ID.eq(samsThread))).isZero();
    }

    @Test
    void another_therapist_another_clinic_and_an_admin_are_refused() {
        long joint = joint();
        send(ALEX, joint, "Hello");
        for (String outsider : List.of(colleague.email(), northside.email())) {
            signIn.as(outsider);
            assertThatThrownBy(() -> messages.read(joint)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> messages.send(joint, "Hi")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> messages.ofCouple(morgans.id())).isInstanceOf(AccessDeniedException.class);
        }
        signIn.as(admin.email());
        assertThatThrownBy(() -> messages.read(joint)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> messages.ofCouple(morgans.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> messages.myThreads()).isInstanceOf(AccessDeniedException.class);
        assertThat(dsl.fetchCount(MESSAGE, MESSAGE.THREAD_ID.eq(joint))).isEqualTo(1);
    }

    @Test
    void an_admin_who_also_counsels_reads_as_the_couples_therapist_only() {
        fixtures.committed(() -> fixtures.addRole(admin, Role.THERAPIST));
        long joint = joint();
        signIn.as(admin.email());
        assertThatThrownBy(() -> messages.read(joint)).isInstanceOf(AccessDeniedException.class);
        signIn.out();
        fixtures.coTherapist(admin, morgans, admin);
        assertThat(read(admin.email(), joint).messages()).isEmpty();
    }

    @Test
    void a_new_co_therapist_sees_the_history_and_a_former_one_loses_access() {
        long joint = joint();
        send(ALEX, joint, "Before the change");
        fixtures.coTherapist(admin, morgans, colleague);
        assertThat(read(colleague.email(), joint).messages()).extracting(ShownMessage::body)
                .containsExactly("Before the change");

        signIn.during(admin.email(), () -> {
            assignments.setCoTherapist(morgans.id(), null);
            return null;
        });
        signIn.as(colleague.email());
        assertThatThrownBy(() -> messages.read(joint)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> messages.send(joint, "Still here?")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_closed_couples_threads_are_read_only() {
        long joint = joint();
        send(ALEX, joint, "Before closing");
        fixtures.status(therapist, morgans, CoupleStatus.CLOSED);

        MessageThread seen = read(SAM, joint);
        assertThat(seen.readOnly()).isTrue();
        assertThat(seen.messages()).hasSize(1);
        for (String who : List.of(ALEX, THERAPIST)) {
            signIn.as(who);
            assertThatThrownBy(() -> messages.send(joint, "After closing")).isInstanceOf(RefusedException.class)
                    .extracting(e -> ((RefusedException) e).messageKey()).isEqualTo("messages.closed");
            assertThatThrownBy(() -> messages.saveDraft(joint, "After")).isInstanceOf(RefusedException.class);
        }
        assertThat(dsl.fetchCount(MESSAGE, MESSAGE.THREAD_ID.eq(joint))).isEqualTo(1);
    }

    @Test
    void a_therapist_withdraws_their_own_message_within_ten_minutes_and_the_text_stays_in_the_row() {
        long thread = alexsPrivate();
        long id = send(THERAPIST, thread, "Sent to the wrong couple");
        assertThat(read(THERAPIST, thread).messages().getFirst().withdrawable()).isTrue();
        clock.advance(Duration.ofMinutes(10));
        signIn.during(THERAPIST, () -> {
            messages.withdraw(id);
            return null;
        });

        ShownMessage seen = read(ALEX, thread).messages().getFirst();
        assertThat(seen.withdrawn()).isTrue();
        assertThat(seen.body()).isNull();
        assertThat(unread(ALEX, thread)).isZero();
        assertThat(dsl.fetchValue(MESSAGE.BODY, MESSAGE.ID.eq(id))).isEqualTo("Sent to the wrong couple");
        assertThat(dsl.fetchValue(MESSAGE.WITHDRAWN_BY, MESSAGE.ID.eq(id))).isEqualTo(therapist.accountId());
    }

    @Test
    void withdrawal_is_refused_after_ten_minutes_to_a_partner_and_for_anothers_message() {
        long thread = alexsPrivate();
        long therapists = send(THERAPIST, thread, "Hello Alex");
        long alexs = send(ALEX, thread, "Hello");
        fixtures.coTherapist(admin, morgans, colleague);

        signIn.as(ALEX);
        assertThatThrownBy(() -> messages.withdraw(alexs)).isInstanceOf(AccessDeniedException.class);
        signIn.as(colleague.email());
        assertThatThrownBy(() -> messages.withdraw(therapists)).isInstanceOf(AccessDeniedException.class);
        signIn.as(THERAPIST);
        assertThatThrownBy(() -> messages.withdraw(alexs)).isInstanceOf(AccessDeniedException.class);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(messages.read(thread).messages().getFirst().withdrawable()).isFalse();
        assertThatThrownBy(() -> messages.withdraw(therapists)).isInstanceOf(RefusedException.class)
                .extracting(e -> ((RefusedException) e).messageKey()).isEqualTo("messages.withdraw.too-late");
        signIn.out();

        assertThat(dsl.fetchCount(MESSAGE, MESSAGE.WITHDRAWN_AT.isNotNull().and(MESSAGE.THREAD_ID.eq(thread))))
                .isZero();
        assertThat(trail.since("message.withdraw")).singleElement()
                .satisfies(row -> assertThat(String.valueOf(row.getOutcome())).isEqualTo("FAILURE"));
    }

    @Test
    void a_draft_is_kept_until_it_is_sent() {
        long joint = joint();
        signIn.as(SAM);
        messages.saveDraft(joint, "Half a thought");
        assertThat(messages.read(joint).draft()).isEqualTo("Half a thought");
        messages.saveDraft(joint, "Half a thought, and more  ");
        assertThat(messages.read(joint).draft()).isEqualTo("Half a thought, and more  ");
        messages.send(joint, "Half a thought, and more");
        assertThat(messages.read(joint).draft()).isEmpty();
        assertThat(signIn.during(ALEX, () -> messages.read(joint)).draft()).isEmpty();
    }

    @Test
    void an_empty_a_too_long_or_an_unstorable_message_is_refused() {
        long joint = joint();
        signIn.as(ALEX);
        assertThatThrownBy(() -> messages.send(joint, " \n\t ")).isInstanceOf(RefusedException.class)
                .extracting(e -> ((RefusedException) e).messageKey()).isEqualTo("messages.validation.empty");
        assertThatThrownBy(() -> messages.send(joint, "x".repeat(5001))).isInstanceOf(RefusedException.class)
                .extracting(e -> ((RefusedException) e).messageKey()).isEqualTo("messages.validation.too-long");
        assertThatThrownBy(() -> messages.send(joint, "nul\u0000byte"))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> messages.send(joint, "bidi \u202Eoverride"))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> messages.saveDraft(joint, "x".repeat(5001))).isInstanceOf(RefusedException.class);
        assertThat(dsl.fetchCount(MESSAGE, MESSAGE.THREAD_ID.eq(joint))).isZero();

        long id = messages.send(joint, "y".repeat(5000) + "   \n");
        assertThat(dsl.fetchValue(MESSAGE.BODY, MESSAGE.ID.eq(id))).hasSize(5000);
        long markup = messages.send(joint, "<b>bold</b> **not bold**");
        assertThat(messages.read(joint).messages().getLast().body()).isEqualTo("<b>bold</b> **not bold**");
        assertThat(markup).isGreaterThan(id);
    }
}
