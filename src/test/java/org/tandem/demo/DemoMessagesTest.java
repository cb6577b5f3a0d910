package org.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.CLINIC;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.MESSAGE;
import static org.tandem.jooq.Tables.MESSAGE_READ;
import static org.tandem.jooq.Tables.MESSAGE_THREAD;
import static org.tandem.jooq.Tables.NOTIFICATION;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.notifications.NotificationKind;
import org.tandem.support.DemoTest;
import org.tandem.support.TestClock;

/** The demo clinic's messages and notifications: every thread kind, unread ones for each role, every kind of notice. */
@DemoTest
class DemoMessagesTest {

    @Autowired DSLContext dsl;
    @Autowired TestClock clock;

    long clinic;
    OffsetDateTime now;
    /** Every thread of the demo: its couple, and its partner for a private thread. */
    Map<Long, Thread> threads = new HashMap<>();
    /** Each couple's partners' accounts by partner, and its therapists' accounts. */
    Map<Long, Map<Long, Long>> partners = new HashMap<>();
    Map<Long, Set<Long>> therapists = new HashMap<>();

    record Thread(long id, long couple, @Nullable Long partner) {}

    record Message(long id, long thread, long sender, OffsetDateTime sentAt, String body,
            @Nullable OffsetDateTime withdrawnAt, @Nullable Long withdrawnBy) {}

    record Notice(long recipient, NotificationKind kind, long couple, String target, @Nullable String detail,
            @Nullable String dedupeKey, OffsetDateTime created, @Nullable OffsetDateTime read) {}

    @BeforeEach
    void read_the_demo() {
        now = OffsetDateTime.now(clock);
        clinic = dsl.select(CLINIC.ID).from(CLINIC).where(CLINIC.NAME.eq("Riverside Couples Practice"))
                .fetchSingle(CLINIC.ID);
        dsl.selectFrom(MESSAGE_THREAD).where(MESSAGE_THREAD.CLINIC_ID.eq(clinic))
                .forEach(r -> threads.put(r.getId(), new Thread(r.getId(), r.getCoupleId(), r.getPartnerId())));
        dsl.selectFrom(PARTNER).where(PARTNER.CLINIC_ID.eq(clinic), PARTNER.ACCOUNT_ID.isNotNull())
                .forEach(r -> partners.computeIfAbsent(r.getCoupleId(), id -> new HashMap<>())
                        .put(r.getId(), r.getAccountId()));
        dsl.selectFrom(COUPLE_THERAPIST).where(COUPLE_THERAPIST.CLINIC_ID.eq(clinic))
                .forEach(r -> therapists.computeIfAbsent(r.getCoupleId(), id -> new HashSet<>()).add(r.getAccountId()));
    }

    List<Message> messages() {
        return dsl.selectFrom(MESSAGE).where(MESSAGE.CLINIC_ID.eq(clinic)).orderBy(MESSAGE.ID)
                .fetch(r -> new Message(r.getId(), r.getThreadId(), r.getSenderAccountId(), r.getSentAt(), r.getBody(),
                        r.getWithdrawnAt(), r.getWithdrawnBy()));
    }

    List<Notice> notices() {
        return dsl.selectFrom(NOTIFICATION).where(NOTIFICATION.CLINIC_ID.eq(clinic))
                .fetch(r -> new Notice(r.getRecipientAccountId(), r.getKind(), r.getCoupleId(), r.getTarget(),
                        r.getDetail(), r.getDedupeKey(), r.getCreatedAt(), r.getReadAt()));
    }

    /** Who takes part in a thread: both partners (joint) or its partner, and the couple's therapists. */
    Set<Long> participants(Thread thread) {
        Set<Long> participants = new HashSet<>(therapists.get(thread.couple()));
        Map<Long, Long> ofCouple = partners.getOrDefault(thread.couple(), Map.of());
        if (thread.partner() == null) {
            participants.addAll(ofCouple.values());
        } else if (ofCouple.containsKey(thread.partner())) {
            participants.add(ofCouple.get(thread.partner()));
        }
        return participants;
    }

    long account(String email) {
        return dsl.select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.EMAIL.eq(email)).fetchSingle(ACCOUNT.ID);
    }

    /** How many messages of the thread this participant has not read (their own count as read). */
    long unread(long thread, long account) {
        Long lastRead = dsl.select(MESSAGE_READ.LAST_READ_MESSAGE_ID).from(MESSAGE_READ)
                .where(MESSAGE_READ.THREAD_ID.eq(thread), MESSAGE_READ.ACCOUNT_ID.eq(account))
                .fetchOne(MESSAGE_READ.LAST_READ_MESSAGE_ID);
        return messages().stream().filter(message -> message.thread() == thread && message.sender() != account
                && (lastRead == null || message.id() > lastRead)).count();
    }

    long threadOf(String partnerEmail, boolean joint) {
        long partner = dsl.select(PARTNER.ID).from(PARTNER).join(ACCOUNT).on(ACCOUNT.ID.eq(PARTNER.ACCOUNT_ID))
                .where(ACCOUNT.EMAIL.eq(partnerEmail)).fetchSingle(PARTNER.ID);
        long couple = dsl.select(PARTNER.COUPLE_ID).from(PARTNER).where(PARTNER.ID.eq(partner))
                .fetchSingle(PARTNER.COUPLE_ID);
        return threads.values().stream().filter(thread -> thread.couple() == couple
                && (joint ? thread.partner() == null : Long.valueOf(partner).equals(thread.partner())))
                .findFirst().orElseThrow().id();
    }

    @Test
    void most_couples_have_months_of_messages_in_their_joint_thread_and_each_partners_private_thread() {
        List<Message> messages = messages();
        Map<Long, List<Message>> byThread = messages.stream().collect(Collectors.groupingBy(Message::thread));
        Map<Long, List<Thread>> byCouple = threads.values().stream().collect(Collectors.groupingBy(Thread::couple));

        assertThat(byCouple).as("every couple whose partners can sign in, at least twelve")
                .hasSizeGreaterThanOrEqualTo(12)
                .allSatisfy((couple, ofCouple) -> assertThat(ofCouple).as("a joint and two private threads")
                        .hasSize(3).allSatisfy(thread -> assertThat(byThread.get(thread.id())).isNotEmpty())
                        .filteredOn(thread -> thread.partner() == null).hasSize(1));
        assertThat(messages).hasSizeGreaterThan(300);
        assertThat(byCouple.keySet()).as("months of messages")
                .filteredOn(couple -> byCouple.get(couple).stream().flatMap(thread -> byThread.get(thread.id()).stream())
                        .anyMatch(message -> message.sentAt().isBefore(now.minusMonths(3))))
                .hasSizeGreaterThanOrEqualTo(8);
        assertThat(messages).allSatisfy(message -> {
            Thread thread = threads.get(message.thread());
            assertThat(participants(thread)).as("the sender takes part in the thread").contains(message.sender());
            assertThat(message.sentAt()).isBefore(now);
            assertThat(message.body()).doesNotContain("{", "}");
        });
        assertThat(messages).as("written by therapists and by both partners, in joint and private threads")
                .anyMatch(message -> threads.get(message.thread()).partner() != null
                        && therapists.get(threads.get(message.thread()).couple()).contains(message.sender()))
                .anyMatch(message -> threads.get(message.thread()).partner() != null
                        && !therapists.get(threads.get(message.thread()).couple()).contains(message.sender()))
                .anyMatch(message -> message.body().contains("https://"))
                .anyMatch(message -> message.body().contains("\n"));
        assertThat(messages.stream().map(Message::body).distinct().count()).as("varied texts")
                .isGreaterThan(60);
    }

    @Test
    void one_message_was_withdrawn_by_a_therapist_within_minutes() {
        assertThat(messages()).filteredOn(message -> message.withdrawnAt() != null).singleElement()
                .satisfies(message -> {
                    assertThat(message.withdrawnBy()).isEqualTo(message.sender());
                    assertThat(therapists.get(threads.get(message.thread()).couple())).contains(message.sender());
                    assertThat(message.withdrawnAt()).isBetween(message.sentAt(), message.sentAt().plusMinutes(10));
                });
    }

    @Test
    void alex_and_sams_therapist_has_two_unread_in_their_joint_thread_and_sam_one_in_her_private_thread() {
        long jordan = account("therapist@example.com");
        long alex = account("alex@example.com");
        long sam = account("sam@example.com");
        long joint = threadOf("alex@example.com", true);
        long samsOwn = threadOf("sam@example.com", false);

        assertThat(unread(joint, jordan)).isEqualTo(2);
        assertThat(unread(joint, alex)).isZero();
        assertThat(unread(joint, sam)).isZero();
        assertThat(unread(samsOwn, sam)).isOne();
        assertThat(unread(samsOwn, jordan)).isZero();
        assertThat(unread(threadOf("alex@example.com", false), alex)).isZero();
    }

    @Test
    void some_threads_are_unread_for_partners_and_for_therapists_and_nothing_older_than_90_days_is() {
        List<Message> messages = messages();
        Set<Long> partnersWithUnread = new HashSet<>();
        Set<Long> therapistsWithUnread = new HashSet<>();
        for (Thread thread : threads.values()) {
            for (long participant : participants(thread)) {
                Long lastRead = dsl.select(MESSAGE_READ.LAST_READ_MESSAGE_ID).from(MESSAGE_READ)
                        .where(MESSAGE_READ.THREAD_ID.eq(thread.id()), MESSAGE_READ.ACCOUNT_ID.eq(participant))
                        .fetchOne(MESSAGE_READ.LAST_READ_MESSAGE_ID);
                List<Message> unread = messages.stream().filter(message -> message.thread() == thread.id()
                        && message.sender() != participant && (lastRead == null || message.id() > lastRead)).toList();
                assertThat(unread).as("unread messages older than 90 days")
                        .allSatisfy(message -> assertThat(message.sentAt()).isAfter(now.minusDays(90)));
                if (!unread.isEmpty()) {
                    (therapists.get(thread.couple()).contains(participant) ? therapistsWithUnread : partnersWithUnread)
                            .add(participant);
                }
            }
        }
        assertThat(partnersWithUnread).hasSizeGreaterThanOrEqualTo(2);
        assertThat(therapistsWithUnread).containsExactlyInAnyOrder(account("therapist@example.com"),
                account("therapist2@example.com"));
    }

    @Test
    void notifications_of_every_kind_read_and_unread_for_therapists_and_partners_all_within_90_days() {
        List<Notice> notices = notices();
        Set<Long> staff = therapists.values().stream().flatMap(Set::stream).collect(Collectors.toSet());

        assertThat(notices.stream().map(Notice::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(NotificationKind.class));
        for (boolean toStaff : List.of(true, false)) {
            List<Notice> ofRole = notices.stream().filter(notice -> staff.contains(notice.recipient()) == toStaff)
                    .toList();
            assertThat(ofRole).as(toStaff ? "therapists' notifications" : "partners' notifications")
                    .anyMatch(notice -> notice.read() == null).anyMatch(notice -> notice.read() != null);
        }
        assertThat(notices).allSatisfy(notice -> {
            // at most now: the start-up sweep tells the therapists of alerts it finds as it loads
            assertThat(notice.created()).isAfter(now.minusDays(90)).isBeforeOrEqualTo(now);
            if (notice.read() != null) {
                assertThat(notice.read()).isBetween(notice.created(), now);
            }
        });
        assertThat(notices.stream().filter(notice -> notice.kind() == NotificationKind.MESSAGE
                && notice.read() == null && notice.recipient() == account("therapist@example.com")
                && notice.detail() != null && notice.detail().startsWith("Alex"))).hasSize(1);
    }

    private static final Pattern PARTNER_TARGET = Pattern.compile("workbook(/\\d+)?|goals|my-balance|messages\\?thread=\\d+");
    private static final Pattern THERAPIST_TARGET =
            Pattern.compile("couples/(\\d+)(/workbook/\\d+|/sessions|/goals|/messages)?");

    @Test
    void each_notification_reaches_only_those_who_may_see_its_thing_and_opens_a_page_of_theirs() {
        List<Notice> notices = notices();
        Map<Long, Message> messages = messages().stream().collect(Collectors.toMap(Message::id, m -> m));
        List<String> problems = new ArrayList<>();
        for (Notice notice : notices) {
            boolean therapist = therapists.get(notice.couple()).contains(notice.recipient());
            boolean partner = partners.getOrDefault(notice.couple(), Map.of()).containsValue(notice.recipient());
            if (therapist == partner) {
                problems.add("not someone of the couple: " + notice);
                continue;
            }
            var target = (therapist ? THERAPIST_TARGET : PARTNER_TARGET).matcher(notice.target());
            if (!target.matches() || therapist && Long.parseLong(target.group(1)) != notice.couple()) {
                problems.add("not a page of theirs: " + notice);
            }
            if (notice.kind() == NotificationKind.MESSAGE) {
                Message message = messages.get(Long.parseLong(notice.dedupeKey().substring("message:".length())));
                Thread thread = threads.get(message.thread());
                if (!participants(thread).contains(notice.recipient()) || message.sender() == notice.recipient()) {
                    problems.add("told of a thread that is not theirs, or of their own message: " + notice);
                }
            }
            if (partner && notice.detail() != null) {
                // a partner's notification never mentions the other partner's private thread or its messages
                Long own = partners.get(notice.couple()).entrySet().stream()
                        .filter(entry -> entry.getValue() == notice.recipient()).findFirst().orElseThrow().getKey();
                boolean mentions = messages.values().stream().filter(message -> {
                    Thread thread = threads.get(message.thread());
                    return thread.couple() == notice.couple() && thread.partner() != null
                            && !thread.partner().equals(own);
                }).anyMatch(message -> notice.detail().contains(message.body()));
                if (mentions || notice.detail().toLowerCase(java.util.Locale.ROOT).contains("private")) {
                    problems.add("mentions the other partner's private thread: " + notice);
                }
            }
        }
        assertThat(problems).isEmpty();
        // The other partner of a private thread hears of none of its messages.
        for (Message message : messages.values()) {
            Thread thread = threads.get(message.thread());
            if (thread.partner() != null) {
                Set<Long> others = new HashSet<>(partners.get(thread.couple()).values());
                others.remove(partners.get(thread.couple()).get(thread.partner()));
                assertThat(notices).noneMatch(notice -> others.contains(notice.recipient())
                        && ("message:" + message.id()).equals(notice.dedupeKey()));
            }
        }
    }
}
