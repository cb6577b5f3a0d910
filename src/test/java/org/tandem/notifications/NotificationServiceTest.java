package org.tandem.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.jooq.Tables.NOTIFICATION;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.tandem.support.AuditTrail;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;

/** The bell's list for the signed-in person: only their own, newest first, read one or all, and the 90-day removal. */
@IntegrationTest
class NotificationServiceTest {

    @Autowired NotificationService service;
    @Autowired Notifications notifications;
    @Autowired NotificationCleanup cleanup;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired TestClock clock;
    @Autowired DSLContext dsl;
    AuditTrail trail;
    Fixtures.Clinic clinic;
    Person therapist;
    Couple couple;
    /** A partner of another clinic. */
    Couple elsewhere;

    /** Committed: refusals are recorded in a transaction of their own, which must see the clinic and accounts. */
    @BeforeEach
    void prepare() {
        fixtures.committed(() -> {
            clinic = fixtures.clinic("Lakeside Practice", ZoneId.of("America/New_York"));
            therapist = fixtures.therapist(clinic, "Dr. Ines Vale");
            couple = fixtures.couple(therapist, "Alex Morgan", "Samira Patel");
            Person north = fixtures.therapist(fixtures.clinic("Northside Counselling"), "Lee Park");
            elsewhere = fixtures.couple(north, "Robin Hart", "Casey Hart");
        });
        trail = AuditTrail.from(dsl);
    }

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    long notify(long clinicId, long accountId, NotificationKind kind, String target, @Nullable String detail) {
        notifications.send(List.of(new NewNotification(clinicId, accountId, kind, null, target, detail, null)));
        return dsl.select(NOTIFICATION.ID).from(NOTIFICATION).where(NOTIFICATION.RECIPIENT_ACCOUNT_ID.eq(accountId))
                .orderBy(NOTIFICATION.ID.desc()).limit(1).fetchSingle(NOTIFICATION.ID);
    }

    long notifyAlex(NotificationKind kind, @Nullable String detail) {
        return notify(clinic.id(), couple.one().accountId(), kind, "my-workbook", detail);
    }

    @Test
    void a_partner_sees_only_their_own_notifications_newest_first_worded_and_timed_in_the_clinics_zone() {
        long first = notifyAlex(NotificationKind.MODULE_ASSIGNED, "Listening well");
        clock.advance(Duration.ofMinutes(5));
        long second = notifyAlex(NotificationKind.MESSAGE, null);
        notify(clinic.id(), couple.two().accountId(), NotificationKind.MESSAGE, "messages", null);
        notify(clinic.id(), therapist.accountId(), NotificationKind.MODULE_SUBMITTED, "couples", "Sam's module");

        signIn.as(couple.one().email());
        List<NotificationItem> mine = service.latest(20, Locale.UK);

        assertThat(mine).extracting(NotificationItem::id).containsExactly(second, first);
        assertThat(mine).extracting(NotificationItem::text)
                .containsExactly("You have a new message", "A new module was assigned to you: Listening well");
        assertThat(mine.getLast().when()).as("10:30 in Berlin is 04:30 in New York").contains("04:30");
        assertThat(mine.getLast().when()).contains("10 Jun 2026");
        assertThat(mine).allSatisfy(item -> {
            assertThat(item.read()).isFalse();
            assertThat(item.target()).isEqualTo("my-workbook");
        });
        assertThat(service.unreadCount()).isEqualTo(2);
    }

    @Test
    void a_therapists_notifications_name_the_couple_a_partners_do_not() {
        notifications.send(List.of(
                new NewNotification(clinic.id(), therapist.accountId(), NotificationKind.ALERT_RAISED, couple.id(),
                        "couples/" + couple.id(), null, null),
                new NewNotification(clinic.id(), couple.one().accountId(), NotificationKind.MODULE_ASSIGNED,
                        couple.id(), "workbook", "Listening well", null)));

        signIn.as(therapist.email());
        assertThat(service.latest(20, Locale.UK)).extracting(NotificationItem::text)
                .containsExactly("An alert was raised \u2014 Alex Morgan & Samira Patel");
        signIn.as(couple.one().email());
        assertThat(service.latest(20, Locale.UK)).extracting(NotificationItem::text)
                .containsExactly("A new module was assigned to you: Listening well");
    }

    @Test
    void opening_the_list_is_audited_with_ids_only() {
        long one = notifyAlex(NotificationKind.FEEDBACK_GIVEN, "Feedback on Listening well");

        signIn.as(couple.one().email());
        service.latest(20, Locale.UK);

        assertThat(trail.since("notification.list-read")).singleElement().satisfies(row -> {
            assertThat(row.getActorAccountId()).isEqualTo(couple.one().accountId());
            assertThat(row.getDetail()).isEqualTo("ids " + one).doesNotContain("Listening");
        });
    }

    @Test
    void opening_one_marks_it_read_and_gives_its_target() {
        long one = notify(clinic.id(), couple.one().accountId(), NotificationKind.SESSION_MOVED, "my-sessions",
                "Thursday 18 June");
        notifyAlex(NotificationKind.MESSAGE, null);

        signIn.as(couple.one().email());
        assertThat(service.open(one)).isEqualTo("my-sessions");

        assertThat(service.unreadCount()).isEqualTo(1);
        assertThat(service.latest(20, Locale.UK)).filteredOn(item -> item.id() == one).singleElement()
                .extracting(NotificationItem::read).isEqualTo(true);
        clock.advance(Duration.ofHours(1));
        service.open(one);
        assertThat(dsl.select(NOTIFICATION.READ_AT).from(NOTIFICATION).where(NOTIFICATION.ID.eq(one))
                .fetchSingle(NOTIFICATION.READ_AT).toInstant()).as("the first reading stays").isEqualTo(TestClock.START);
    }

    @Test
    void mark_all_read_reads_only_mine() {
        notifyAlex(NotificationKind.MESSAGE, null);
        notifyAlex(NotificationKind.CHECK_IN_OPEN, null);
        notify(clinic.id(), couple.two().accountId(), NotificationKind.MESSAGE, "messages", null);

        signIn.as(couple.one().email());
        assertThat(service.markAllRead()).isEqualTo(2);
        assertThat(service.unreadCount()).isZero();
        assertThat(service.markAllRead()).isZero();

        signIn.as(couple.two().email());
        assertThat(service.unreadCount()).as("Sam's stays unread").isEqualTo(1);
    }

    @Test
    void the_other_partner_cannot_open_or_mark_alexs_notification_and_the_refusal_is_audited() {
        long[] alexs = new long[1];
        fixtures.committed(() -> alexs[0] = notifyAlex(NotificationKind.MESSAGE, "private thread"));

        signIn.as(couple.two().email());
        assertThatThrownBy(() -> service.open(alexs[0])).isInstanceOf(AccessDeniedException.class);
        assertThat(service.latest(20, Locale.UK)).isEmpty();
        assertThat(service.unreadCount()).isZero();

        assertThat(trail.since("access.denied")).extracting(row -> row.getDetail())
                .contains("notification " + alexs[0] + ": not addressed to them");
        assertThat(dsl.select(NOTIFICATION.READ_AT).from(NOTIFICATION).where(NOTIFICATION.ID.eq(alexs[0]))
                .fetchSingle(NOTIFICATION.READ_AT)).as("still unread").isNull();
    }

    @Test
    void the_therapist_and_another_clinic_cannot_open_a_partners_notification() {
        long alexs = notifyAlex(NotificationKind.MODULE_ASSIGNED, null);

        signIn.as(therapist.email());
        assertThatThrownBy(() -> service.open(alexs)).isInstanceOf(AccessDeniedException.class);
        signIn.as(elsewhere.one().email());
        assertThatThrownBy(() -> service.open(alexs)).isInstanceOf(AccessDeniedException.class);
        assertThat(service.latest(20, Locale.UK)).isEmpty();
        assertThatThrownBy(() -> service.open(-1)).as("no such notification: the same refusal")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_list_size_out_of_bounds_is_refused() {
        signIn.as(couple.one().email());
        assertThatThrownBy(() -> service.latest(0, Locale.UK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.latest(NotificationService.MOST + 1, Locale.UK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void someone_not_signed_in_is_refused() {
        signIn.anonymous();
        assertThatThrownBy(() -> service.unreadCount()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void notifications_older_than_90_days_are_removed_read_or_not() {
        long old = notifyAlex(NotificationKind.MESSAGE, null);
        long oldRead = notifyAlex(NotificationKind.CHECK_IN_OPEN, null);
        signIn.as(couple.one().email());
        service.open(oldRead);
        clock.advance(Duration.ofDays(2));
        long recent = notifyAlex(NotificationKind.MODULE_ASSIGNED, null);

        clock.advance(Duration.ofDays(89));
        cleanup.removeOld();
        assertThat(ids()).as("91 and 89 days old").doesNotContain(old, oldRead).contains(recent);

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        cleanup.removeOld();
        assertThat(ids()).doesNotContain(recent);
    }

    private List<Long> ids() {
        return dsl.select(NOTIFICATION.ID).from(NOTIFICATION)
                .where(NOTIFICATION.RECIPIENT_ACCOUNT_ID.eq(couple.one().accountId())).fetch(NOTIFICATION.ID);
    }
}
