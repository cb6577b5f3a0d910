package org.tandem.demo;

import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.ASSIGNMENT_WORK;
import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.FEEDBACK;
import static org.tandem.jooq.Tables.GOAL;
import static org.tandem.jooq.Tables.GOAL_MILESTONE;
import static org.tandem.jooq.Tables.MESSAGE;
import static org.tandem.jooq.Tables.MESSAGE_READ;
import static org.tandem.jooq.Tables.MESSAGE_THREAD;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;
import static org.tandem.jooq.Tables.MODULE_VERSION;
import static org.tandem.jooq.Tables.NOTIFICATION;
import static org.tandem.jooq.Tables.PARTNER;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.tandem.balance.Alerts;
import org.tandem.couples.CoupleStatus;
import org.tandem.couples.TherapistRole;
import org.tandem.couples.ui.CoupleRoutes;
import org.tandem.messages.ui.MessageRoutes;
import org.tandem.notifications.NotificationKind;
import org.tandem.sessions.SessionStatus;
import org.tandem.workbook.ui.WorkbookRoutes;

/**
 * The bell's history in the demo clinic: notifications of every kind over the past weeks for the therapists and the
 * partners, read from what the rest of the demo wrote (modules assigned, submitted and given feedback, check-in windows
 * opened, alerts, sessions scheduled, moved and cancelled, messages, goal milestones reached), each addressed only to
 * those the producers would address (a partner is never told of the other's private thread or private goal). What is
 * older than a few days has been read, the rest not; a message's notification is read when its message is. Everything
 * lies within the last {@link #DAYS} days, well inside the 90 days notifications are kept.
 */
final class DemoNotifications {

    /** How far back the bell goes: further for the workbook and goals, the last month for sessions and messages. */
    static final int DAYS = 60;
    private static final int RECENT_DAYS = 30;
    /** Notifications of the last days are unread. */
    private static final Duration UNREAD = Duration.ofDays(4);

    // Partners' pages outside the named interfaces the demo may use: GoalRoutes.MY_GOALS, BalanceRoutes.MY_BALANCE.
    static final String MY_GOALS = "goals";
    static final String MY_BALANCE = "my-balance";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private record Row(long recipient, NotificationKind kind, long couple, String target, @Nullable String detail,
            @Nullable String dedupeKey, OffsetDateTime created, @Nullable OffsetDateTime read) {}

    private final DSLContext dsl;
    private final long clinic;
    private final OffsetDateTime now;
    private final ZoneId zone;
    private final List<Row> rows = new ArrayList<>();
    /** Each couple's therapists (primary first) and co-therapists, and its partners' accounts by partner. */
    private final Map<Long, List<Long>> therapists = new HashMap<>();
    private final Map<Long, List<Long>> coTherapists = new HashMap<>();
    private final Map<Long, Map<Long, Long>> partners = new HashMap<>();

    DemoNotifications(DSLContext dsl, long clinic, OffsetDateTime now, ZoneId zone) {
        this.dsl = dsl;
        this.clinic = clinic;
        this.now = now;
        this.zone = zone;
    }

    /** Writes the clinic's notifications and returns how many. */
    int write() {
        dsl.select(COUPLE_THERAPIST.COUPLE_ID, COUPLE_THERAPIST.ACCOUNT_ID, COUPLE_THERAPIST.ROLE)
                .from(COUPLE_THERAPIST).where(COUPLE_THERAPIST.CLINIC_ID.eq(clinic))
                .orderBy(COUPLE_THERAPIST.ROLE.eq(TherapistRole.PRIMARY).desc())
                .forEach(r -> {
                    therapists.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(r.value2());
                    if (r.value3() != TherapistRole.PRIMARY) {
                        coTherapists.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(r.value2());
                    }
                });
        // (a therapist's bell names the couple from the notification's couple: no names in the details)
        dsl.select(PARTNER.COUPLE_ID, PARTNER.ID, PARTNER.ACCOUNT_ID)
                .from(PARTNER).where(PARTNER.CLINIC_ID.eq(clinic)).orderBy(PARTNER.POSITION)
                .forEach(r -> {
                    if (r.value3() != null) {
                        partners.computeIfAbsent(r.value1(), id -> new LinkedHashMap<>()).put(r.value2(), r.value3());
                    }
                });
        OffsetDateTime since = now.minusDays(DAYS);
        OffsetDateTime recent = now.minusDays(RECENT_DAYS);
        workbook(since);
        checkInsAndAlerts(since);
        sessions(recent);
        messages(recent);
        milestones(since);
        insert();
        return rows.size();
    }

    private void workbook(OffsetDateTime since) {
        var title = DSL.jsonbGetAttributeAsText(MODULE_VERSION.CONTENT, DSL.inline("title"));
        dsl.select(MODULE_ASSIGNMENT.ID, MODULE_ASSIGNMENT.COUPLE_ID, MODULE_ASSIGNMENT.ASSIGNED_AT, title)
                .from(MODULE_ASSIGNMENT).join(MODULE_VERSION).on(MODULE_VERSION.ID.eq(MODULE_ASSIGNMENT.MODULE_VERSION_ID))
                .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(clinic), MODULE_ASSIGNMENT.ASSIGNED_AT.ge(since))
                .forEach(r -> partnersOf(r.value2()).forEach(account -> add(account, NotificationKind.MODULE_ASSIGNED,
                        r.value2(), WorkbookRoutes.MY_WORKBOOK + "/" + r.value1(), r.value4(), r.value3())));
        // To the therapists, naming who submitted (each partner submits their own work).
        dsl.select(MODULE_ASSIGNMENT.ID, MODULE_ASSIGNMENT.COUPLE_ID, ASSIGNMENT_WORK.SUBMITTED_AT,
                        DSL.coalesce(PARTNER.PREFERRED_NAME, DSL.splitPart(PARTNER.FULL_NAME, " ", 1)).concat(": ")
                                .concat(title))
                .from(ASSIGNMENT_WORK)
                .join(PARTNER).on(PARTNER.ID.eq(ASSIGNMENT_WORK.PARTNER_ID))
                .join(MODULE_ASSIGNMENT).on(MODULE_ASSIGNMENT.ID.eq(ASSIGNMENT_WORK.ASSIGNMENT_ID))
                .join(MODULE_VERSION).on(MODULE_VERSION.ID.eq(MODULE_ASSIGNMENT.MODULE_VERSION_ID))
                .where(ASSIGNMENT_WORK.CLINIC_ID.eq(clinic), ASSIGNMENT_WORK.SUBMITTED_AT.ge(since))
                .forEach(r -> therapistsOf(r.value2()).forEach(account -> add(account,
                        NotificationKind.MODULE_SUBMITTED, r.value2(),
                        CoupleRoutes.href(r.value2(), CoupleRoutes.Tab.WORKBOOK) + "/" + r.value1(), r.value4(),
                        Objects.requireNonNull(r.value3()))));
        // One notification per piece of work given feedback, to the partner whose work it is.
        var given = DSL.min(FEEDBACK.CREATED_AT);
        dsl.select(MODULE_ASSIGNMENT.ID, MODULE_ASSIGNMENT.COUPLE_ID, ASSIGNMENT_WORK.PARTNER_ID, title, given)
                .from(FEEDBACK)
                .join(ASSIGNMENT_WORK).on(ASSIGNMENT_WORK.ID.eq(FEEDBACK.WORK_ID))
                .join(MODULE_ASSIGNMENT).on(MODULE_ASSIGNMENT.ID.eq(ASSIGNMENT_WORK.ASSIGNMENT_ID))
                .join(MODULE_VERSION).on(MODULE_VERSION.ID.eq(MODULE_ASSIGNMENT.MODULE_VERSION_ID))
                .where(FEEDBACK.CLINIC_ID.eq(clinic))
                .groupBy(MODULE_ASSIGNMENT.ID, MODULE_ASSIGNMENT.COUPLE_ID, ASSIGNMENT_WORK.PARTNER_ID, title)
                .having(given.ge(since))
                .forEach(r -> {
                    partnerOf(r.value2(), r.value3()).forEach(account -> add(account, NotificationKind.FEEDBACK_GIVEN,
                            r.value2(), WorkbookRoutes.MY_WORKBOOK + "/" + r.value1(), r.value4(), r.value5()));
                });
    }

    /**
     * A check-in window opened before each session of the last weeks (to each partner who can sign in), and the
     * alerts of the demo's stories raised on the therapists' couples: Wei's deterioration and Aisha and Omar's
     * divergence at their latest check-ins, Ama's missing check-in since tomorrow's window opened, and the overdue modules of active couples.
     */
    private void checkInsAndAlerts(OffsetDateTime since) {
        dsl.select(COUPLE_SESSION.ID, COUPLE_SESSION.COUPLE_ID, COUPLE_SESSION.STARTS_AT).from(COUPLE_SESSION)
                .where(COUPLE_SESSION.CLINIC_ID.eq(clinic), COUPLE_SESSION.STATUS.ne(SessionStatus.CANCELLED),
                        COUPLE_SESSION.STARTS_AT.between(since.plus(Alerts.CHECK_IN_WINDOW),
                                now.plus(Alerts.CHECK_IN_WINDOW)))
                .forEach(r -> partners.getOrDefault(r.value2(), Map.of()).forEach((partner, account) -> add(account,
                        NotificationKind.CHECK_IN_OPEN, r.value2(), MY_BALANCE, when(r.value3()),
                        "check-in:" + r.value2() + ":" + r.value1() + ":" + partner,
                        r.value3().minus(Alerts.CHECK_IN_WINDOW))));
        var latest = DSL.max(CHECK_IN.SUBMITTED_AT);
        dsl.select(PARTNER.COUPLE_ID, latest).from(CHECK_IN)
                .join(PARTNER).on(PARTNER.COUPLE_ID.eq(CHECK_IN.COUPLE_ID), PARTNER.POSITION.eq((short) 1))
                .where(CHECK_IN.CLINIC_ID.eq(clinic), PARTNER.FULL_NAME.in("Wei Chen", "Aisha Khan"))
                .groupBy(PARTNER.COUPLE_ID)
                .forEach(r -> alert(r.value1(), Objects.requireNonNull(r.value2())));
        dsl.select(COUPLE_SESSION.COUPLE_ID, COUPLE_SESSION.STARTS_AT).from(COUPLE_SESSION)
                .join(PARTNER).on(PARTNER.COUPLE_ID.eq(COUPLE_SESSION.COUPLE_ID), PARTNER.POSITION.eq((short) 1))
                .where(COUPLE_SESSION.CLINIC_ID.eq(clinic), COUPLE_SESSION.STATUS.eq(SessionStatus.SCHEDULED),
                        PARTNER.FULL_NAME.eq("Kwame Mensah"))
                .forEach(r -> alert(r.value1(), latest(r.value2().minus(Alerts.CHECK_IN_WINDOW), now.minusHours(3))));
        LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
        dsl.select(MODULE_ASSIGNMENT.COUPLE_ID, MODULE_ASSIGNMENT.DUE_ON).from(MODULE_ASSIGNMENT)
                .join(COUPLE).on(COUPLE.ID.eq(MODULE_ASSIGNMENT.COUPLE_ID), COUPLE.STATUS.eq(CoupleStatus.ACTIVE))
                .where(MODULE_ASSIGNMENT.CLINIC_ID.eq(clinic), MODULE_ASSIGNMENT.DUE_ON.lt(today),
                        MODULE_ASSIGNMENT.DUE_ON.ge(today.minusDays(DAYS - 1)), DSL.exists(DSL.selectOne()
                                .from(ASSIGNMENT_WORK).where(ASSIGNMENT_WORK.ASSIGNMENT_ID.eq(MODULE_ASSIGNMENT.ID),
                                        ASSIGNMENT_WORK.SUBMITTED_AT.isNull())))
                .forEach(r -> alert(r.value1(), earliest(at(r.value2().plusDays(1), LocalTime.of(7, 0)),
                        now.minusMinutes(1))));
    }

    private void alert(long couple, OffsetDateTime raised) {
        therapistsOf(couple).forEach(account -> add(account, NotificationKind.ALERT_RAISED, couple,
                CoupleRoutes.href(couple, CoupleRoutes.Tab.OVERVIEW), null, raised));
    }

    /**
     * Each session booked in the last weeks, to the partners and the co-therapist (the primary therapist booked it);
     * every session cancelled, a day before it; and every third couple's next session moved once since it was booked.
     */
    private void sessions(OffsetDateTime since) {
        int booked = 0;
        for (var r : dsl.select(COUPLE_SESSION.COUPLE_ID, COUPLE_SESSION.STARTS_AT, COUPLE_SESSION.STATUS,
                        COUPLE_SESSION.CREATED_AT)
                .from(COUPLE_SESSION)
                .where(COUPLE_SESSION.CLINIC_ID.eq(clinic), COUPLE_SESSION.STARTS_AT.ge(since))
                .orderBy(COUPLE_SESSION.COUPLE_ID, COUPLE_SESSION.STARTS_AT)
                .fetch()) {
            long couple = r.value1();
            String when = when(r.value2());
            session(couple, NotificationKind.SESSION_SCHEDULED, when, r.value4());
            if (r.value3() == SessionStatus.CANCELLED) {
                session(couple, NotificationKind.SESSION_CANCELLED, when, r.value2().minusDays(1));
            }
            if (r.value3() == SessionStatus.SCHEDULED && booked++ % 3 == 0) {
                // halfway between its booking (a day or more ago) and now
                session(couple, NotificationKind.SESSION_MOVED, when,
                        r.value4().plus(Duration.between(r.value4(), now).dividedBy(2)));
            }
        }
    }

    private void session(long couple, NotificationKind kind, String when, OffsetDateTime at) {
        partnersOf(couple).forEach(account -> add(account, kind, couple, WorkbookRoutes.MY_WORKBOOK, when, at));
        coTherapists.getOrDefault(couple, List.of()).forEach(account -> add(account, kind, couple,
                CoupleRoutes.href(couple, CoupleRoutes.Tab.SESSIONS), when, at));
    }

    /**
     * Every message of the last weeks (but a withdrawn one) to those of its thread who did not write it, read when
     * they have read the message: the joint thread's to both partners and the therapists, a private thread's to its
     * partner and the therapists only.
     */
    private void messages(OffsetDateTime since) {
        Map<List<Long>, Long> lastRead = new HashMap<>();
        Map<List<Long>, OffsetDateTime> readAt = new HashMap<>();
        dsl.select(MESSAGE_READ.THREAD_ID, MESSAGE_READ.ACCOUNT_ID, MESSAGE_READ.LAST_READ_MESSAGE_ID,
                        MESSAGE_READ.READ_AT)
                .from(MESSAGE_READ).where(MESSAGE_READ.CLINIC_ID.eq(clinic))
                .forEach(r -> {
                    lastRead.put(List.of(r.value1(), r.value2()), r.value3());
                    readAt.put(List.of(r.value1(), r.value2()), r.value4());
                });
        dsl.select(MESSAGE.ID, MESSAGE.THREAD_ID, MESSAGE_THREAD.COUPLE_ID, MESSAGE_THREAD.PARTNER_ID,
                        MESSAGE.SENDER_ACCOUNT_ID, ACCOUNT.DISPLAY_NAME, MESSAGE.SENT_AT)
                .from(MESSAGE)
                .join(MESSAGE_THREAD).on(MESSAGE_THREAD.ID.eq(MESSAGE.THREAD_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(MESSAGE.SENDER_ACCOUNT_ID))
                .where(MESSAGE.CLINIC_ID.eq(clinic), MESSAGE.SENT_AT.ge(since), MESSAGE.WITHDRAWN_AT.isNull())
                .forEach(r -> {
                    long couple = r.value3();
                    Long owner = r.value4();
                    List<Long> partnerAccounts = owner == null ? partnersOf(couple)
                            : partnerOf(couple, owner);
                    List<Long> recipients = new ArrayList<>(partnerAccounts);
                    recipients.addAll(therapistsOf(couple));
                    for (long recipient : recipients) {
                        if (recipient == r.value5()) {
                            continue;
                        }
                        List<Long> key = List.of(r.value2(), recipient);
                        boolean read = lastRead.getOrDefault(key, 0L) >= r.value1();
                        String target = partnerAccounts.contains(recipient) ? MessageRoutes.myThreadHref(r.value2())
                                : CoupleRoutes.href(couple, CoupleRoutes.Tab.MESSAGES);
                        rows.add(new Row(recipient, NotificationKind.MESSAGE, couple, target, r.value6(),
                                "message:" + r.value1(), r.value7(),
                                read ? latest(Objects.requireNonNull(readAt.get(key)), r.value7()) : null));
                    }
                });
    }

    /** Each milestone reached, to those who may see its goal but the one who reached it. */
    private void milestones(OffsetDateTime since) {
        dsl.select(GOAL.COUPLE_ID, GOAL.OWNER_PARTNER_ID, GOAL.SHARED, GOAL_MILESTONE.TITLE,
                        GOAL_MILESTONE.REACHED_AT, GOAL_MILESTONE.REACHED_BY)
                .from(GOAL_MILESTONE).join(GOAL).on(GOAL.ID.eq(GOAL_MILESTONE.GOAL_ID))
                .where(GOAL_MILESTONE.CLINIC_ID.eq(clinic), GOAL_MILESTONE.REACHED_AT.between(since, now))
                .forEach(r -> {
                    long couple = r.value1();
                    List<Long> partnerAccounts = r.value2() == null || r.value3() ? partnersOf(couple)
                            : partnerOf(couple, r.value2());
                    OffsetDateTime reached = Objects.requireNonNull(r.value5());
                    partnerAccounts.stream().filter(account -> !account.equals(r.value6())).forEach(account ->
                            add(account, NotificationKind.GOAL_MILESTONE_REACHED, couple, MY_GOALS, r.value4(),
                                    reached));
                    therapistsOf(couple).stream().filter(account -> !account.equals(r.value6())).forEach(account ->
                            add(account, NotificationKind.GOAL_MILESTONE_REACHED, couple,
                                    CoupleRoutes.href(couple, CoupleRoutes.Tab.GOALS), r.value4(), reached));
                });
    }

    private List<Long> partnersOf(long couple) {
        return List.copyOf(partners.getOrDefault(couple, Map.of()).values());
    }

    /** The account of one partner, if they can sign in. */
    private List<Long> partnerOf(long couple, long partner) {
        Long account = partners.getOrDefault(couple, Map.of()).get(partner);
        return account == null ? List.of() : List.of(account);
    }

    private List<Long> therapistsOf(long couple) {
        return therapists.getOrDefault(couple, List.of());
    }

    private void add(long recipient, NotificationKind kind, long couple, String target, @Nullable String detail,
            OffsetDateTime created) {
        add(recipient, kind, couple, target, detail, null, created);
    }

    /** A notification read a few hours after it came when it is older than a few days, else unread. */
    private void add(long recipient, NotificationKind kind, long couple, String target, @Nullable String detail,
            @Nullable String dedupeKey, OffsetDateTime created) {
        OffsetDateTime read = created.isBefore(now.minus(UNREAD)) ? created.plusHours(3) : null;
        rows.add(new Row(recipient, kind, couple, target, detail, dedupeKey, created, read));
    }

    private void insert() {
        for (int from = 0; from < rows.size(); from += 1000) {
            var insert = dsl.insertInto(NOTIFICATION, NOTIFICATION.CLINIC_ID, NOTIFICATION.RECIPIENT_ACCOUNT_ID,
                    NOTIFICATION.KIND, NOTIFICATION.COUPLE_ID, NOTIFICATION.TARGET, NOTIFICATION.DETAIL,
                    NOTIFICATION.DEDUPE_KEY, NOTIFICATION.CREATED_AT, NOTIFICATION.READ_AT);
            for (Row row : rows.subList(from, Math.min(rows.size(), from + 1000))) {
                insert = insert.values(clinic, row.recipient(), row.kind(), row.couple(), row.target(), row.detail(),
                        row.dedupeKey(), row.created(), row.read());
            }
            insert.execute();
        }
    }

    private String when(OffsetDateTime at) {
        return WHEN.format(at.atZoneSameInstant(zone));
    }

    private OffsetDateTime at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toOffsetDateTime();
    }

    private static OffsetDateTime latest(OffsetDateTime one, OffsetDateTime two) {
        return one.isAfter(two) ? one : two;
    }

    private static OffsetDateTime earliest(OffsetDateTime one, OffsetDateTime two) {
        return one.isBefore(two) ? one : two;
    }
}
