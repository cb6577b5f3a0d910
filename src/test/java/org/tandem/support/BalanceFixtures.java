package org.tandem.support;

import static org.tandem.jooq.Tables.COUPLE_SESSION;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tandem.balance.BalanceSettings;
import org.tandem.balance.CheckInService;
import org.tandem.balance.Item;
import org.tandem.balance.MyBalanceService;
import org.tandem.sessions.SessionService;
import org.tandem.sessions.SessionStatus;
import org.tandem.support.Fixtures.Clinic;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Partner;
import org.tandem.support.Fixtures.Person;
import org.tandem.workbook.AssignmentData;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.WorkbookService;

/**
 * What the balance tests stand on beside {@link Fixtures}: the people of a small practice and of a clinic beside
 * it, a history of check-ins with chosen answers over past weeks, modules a couple finished some days ago, the
 * clinic's thresholds and a partner's consent to share scores. Everything goes through the services, signed in as
 * the person who would act, at the time it happened: the {@link TestClock} is moved back for the act and put back
 * afterwards, so a check-in submitted "fifteen days ago" was really opened, answered and submitted then.
 */
@Component
public class BalanceFixtures {

    /** The closeness picture every check-in made here is given. */
    public static final int CLOSENESS = 4;

    /** balance.md's worked example, I1..I5 and C1..C5: 73.3 / 30.0, DISTANT at T = 60. */
    public static final Integer[] WORKED_EXAMPLE = {5, 4, 2, 6, 3, 1, 2, 3, 5, 2};
    /** 83.3 / 100.0: BALANCED at T = 60. */
    public static final Integer[] BALANCED = {5, 5, 1, 5, 5, 6, 6, 6, 0, 6};
    /** 16.7 / 100.0: FUSED at T = 60. */
    public static final Integer[] FUSED = {1, 1, 5, 1, 1, 6, 6, 6, 0, 6};
    /** 50.0 / 50.0: DISCONNECTED at T = 60. */
    public static final Integer[] MIDDLE = {3, 3, 3, 3, 3, 3, 3, 3, 3, 3};

    private final Fixtures fixtures;
    private final TestClock clock;
    private final SignIn signIn;
    private final DSLContext dsl;
    private final CheckInService checkIns;
    private final SessionService sessions;
    private final MyBalanceService myBalance;
    private final WorkbookService workbook;
    private final MyWorkbookService myWorkbook;

    BalanceFixtures(Fixtures fixtures, TestClock clock, SignIn signIn, DSLContext dsl, CheckInService checkIns,
            SessionService sessions, MyBalanceService myBalance, WorkbookService workbook,
            MyWorkbookService myWorkbook) {
        this.fixtures = fixtures;
        this.clock = clock;
        this.signIn = signIn;
        this.dsl = dsl;
        this.checkIns = checkIns;
        this.sessions = sessions;
        this.myBalance = myBalance;
        this.workbook = workbook;
        this.myWorkbook = myWorkbook;
    }

    /**
     * Lakeside Counselling: Dr. Hana Sato, therapist of Nina Brandt ("Nina") and Felix Keller ("Felix"); Ines
     * Duarte, a therapist of the same clinic who is not theirs; Lou Fischer, the clinic's admin. Beside it Hillside
     * Counselling, whose therapist Pat Quinn sees Eli and Jo Marsh.
     */
    public record Practice(Clinic clinic, Person therapist, Couple couple, Person colleague, Person admin,
            Person otherClinicsTherapist, Couple otherClinicsCouple) {}

    /** Made in the caller's transaction: wrap it in {@link Fixtures#committed} for a test of refusals. */
    public Practice practice() {
        Clinic clinic = fixtures.clinic("Lakeside Counselling");
        Person therapist = fixtures.therapist(clinic, "Dr. Hana Sato");
        Couple couple = fixtures.couple(therapist, "Nina Brandt", "Nina", "Felix Keller", "Felix");
        Person colleague = fixtures.therapist(clinic, "Ines Duarte");
        Person admin = fixtures.admin(clinic, "Lou Fischer");
        Person otherTherapist = fixtures.therapist(fixtures.clinic("Hillside Counselling"), "Pat Quinn");
        Couple otherCouple = fixtures.couple(otherTherapist, "Eli Marsh", "Jo Marsh");
        return new Practice(clinic, therapist, couple, colleague, admin, otherTherapist, otherCouple);
    }

    /** The ids of a round of check-ins: a session's ({@code sessionId} set) or a requested one's. */
    public record Round(@Nullable Long sessionId, @Nullable Long ofOne, @Nullable Long ofTwo) {

        public long session() {
            return Objects.requireNonNull(sessionId, "a requested round has no session");
        }

        /** Partner one's check-in; fails when partner one did not check in. */
        public long one() {
            return Objects.requireNonNull(ofOne, "partner one did not check in");
        }

        /** Partner two's check-in; fails when partner two did not check in. */
        public long two() {
            return Objects.requireNonNull(ofTwo, "partner two did not check in");
        }
    }

    /**
     * A 50-minute session that began {@code ago} before now and was marked held, for which each partner checked in
     * the day before it: partner one first, partner two a minute later. Each array holds the ten answers I1..I5,
     * C1..C5 ({@code null} for one left unanswered) and may hold an eleventh, the closeness picture 1–7 ({@code
     * null}: left out; {@link #CLOSENESS} when the array holds only ten); a {@code null} array: that partner did not
     * check in.
     */
    public Round heldSession(Person therapist, Couple couple, Duration ago, Integer @Nullable [] answersOfOne,
            Integer @Nullable [] answersOfTwo) {
        Instant now = clock.instant();
        Instant startsAt = now.minus(ago);
        try {
            clock.set(startsAt.minus(Duration.ofDays(1)));
            long session = fixtures.session(therapist, couple, LocalDateTime.ofInstant(startsAt, clock.getZone()));
            Long one = answersOfOne == null ? null : sessionCheckIn(couple.one(), session, answersOfOne);
            clock.advance(Duration.ofMinutes(1));
            Long two = answersOfTwo == null ? null : sessionCheckIn(couple.two(), session, answersOfTwo);
            clock.set(startsAt.plus(Duration.ofHours(1)));
            int version = dsl.fetchValue(COUPLE_SESSION.VERSION, COUPLE_SESSION.ID.eq(session));
            signIn.during(therapist.email(), () -> sessions.mark(session, version, SessionStatus.HELD));
            return new Round(session, one, two);
        } finally {
            clock.set(now);
        }
    }

    /** The two sessions of {@link #divergingOverTwoSessions}. */
    public record TwoSessions(Round first, Round second) {}

    /**
     * Two sessions held 14 and 7 days ago. First: partner one the worked example (73.3 / 30.0, DISTANT), partner
     * two 50.0 / 50.0: divergence 23.3, not flagged. Second: partner one 83.3 / 100.0 (BALANCED), partner two 50.0 /
     * 50.0 again: divergence 50.0, flagged at the default D = 25.
     */
    public TwoSessions divergingOverTwoSessions(Person therapist, Couple couple) {
        return new TwoSessions(heldSession(therapist, couple, Duration.ofDays(14), WORKED_EXAMPLE, MIDDLE),
                heldSession(therapist, couple, Duration.ofDays(7), BALANCED, MIDDLE));
    }

    /**
     * After {@link #divergingOverTwoSessions}, check-ins requested two days ago that both partners answered low:
     * partner one 100.0 / 0.0 (DISTANT after BALANCED; intimacy 30.0 → 0.0, a reliable fall), partner two 0.0 / 0.0
     * (both subscales 50.0 → 0.0, reliable falls).
     */
    public Round fallingAway(Person therapist, Couple couple) {
        return requested(therapist, couple, Duration.ofDays(2), new Integer[] {6, 6, 0, 6, 6, 0, 0, 0, 6, 0},
                new Integer[] {0, 0, 6, 0, 0, 0, 0, 0, 6, 0});
    }

    /**
     * Six weeks of check-ins: a session a week, the last held a week ago, and a check-in requested two days ago.
     * The answers and closeness pictures differ from {@code variant} to variant, week to week and partner to
     * partner, with every case a figure must get right: a subscale with two answers missing (not scored, week 1,
     * partner two), one with one missing (prorated, week 3, partner one), a closeness picture left out (week 5,
     * partner one), a session only partner one checked in for (week 4), and a requested check-in of partner one
     * only (no session; partner two's is still open).
     */
    public void sixWeeks(Person therapist, Couple couple, int variant) {
        for (int week = 0; week < 6; week++) {
            Integer @Nullable [] two = week == 3 ? null : varied(variant, week, 1);
            heldSession(therapist, couple, Duration.ofDays(7L * (6 - week)), varied(variant, week, 0), two);
        }
        requested(therapist, couple, Duration.ofDays(2), varied(variant, 6, 0), null);
    }

    private static Integer[] varied(int variant, int week, int position) {
        Integer[] answers = new Integer[11];
        for (int item = 0; item < 10; item++) {
            answers[item] = (variant * 3 + week * 5 + position * 2 + item * (variant + week + 1)) % 7;
        }
        answers[10] = 1 + (variant + 2 * week + 3 * position) % 7;
        if (week == 0 && position == 1) {
            answers[1] = null;
            answers[2] = null;
        }
        if (week == 2 && position == 0) {
            answers[7] = null;
        }
        if (week == 4 && position == 0) {
            answers[10] = null;
        }
        return answers;
    }

    /**
     * Check-ins the therapist requested {@code ago} before now, which partner one submitted then and partner two a
     * minute later, with answers as in {@link #heldSession}; a {@code null} array: that partner's is still open.
     */
    public Round requested(Person therapist, Couple couple, Duration ago, Integer @Nullable [] answersOfOne,
            Integer @Nullable [] answersOfTwo) {
        Instant now = clock.instant();
        try {
            clock.set(now.minus(ago));
            signIn.during(therapist.email(), () -> checkIns.request(couple.id()));
            Long one = answersOfOne == null ? null : requestedCheckIn(couple.one(), answersOfOne);
            clock.advance(Duration.ofMinutes(1));
            Long two = answersOfTwo == null ? null : requestedCheckIn(couple.two(), answersOfTwo);
            return new Round(null, one, two);
        } finally {
            clock.set(now);
        }
    }

    /** The clinic's threshold T and divergence flag D, set by its admin. */
    public void settings(Person admin, int threshold, int divergence) {
        signIn.during(admin.email(), () -> checkIns.updateSettings(checkIns.editableSettings().clinicVersion(),
                new BalanceSettings(threshold, divergence)));
    }

    /** The partner's consent to share their scores with their partner, given or taken back. */
    public void shares(Partner partner, boolean shares) {
        signIn.during(partner.email(), () -> {
            myBalance.share(shares);
            return null;
        });
    }

    /**
     * A module (a published one of the clinic's library) assigned {@code assignedAgo} before now for the partners
     * to answer separately, which each partner submitted {@code ago} before now ({@code null}: not yet); returns the
     * assignment's id.
     */
    public long worked(Person therapist, Couple couple, long moduleId, Duration assignedAgo,
            @Nullable Duration oneSubmittedAgo, @Nullable Duration twoSubmittedAgo) {
        Instant now = clock.instant();
        try {
            clock.set(now.minus(assignedAgo));
            long assignment = signIn.during(therapist.email(), () -> workbook.assign(couple.id(), moduleId,
                    new AssignmentData(null, "", AssignmentMode.SEPARATE)));
            submitWork(couple.one(), assignment, now, oneSubmittedAgo);
            submitWork(couple.two(), assignment, now, twoSubmittedAgo);
            return assignment;
        } finally {
            clock.set(now);
        }
    }

    private void submitWork(Partner partner, long assignment, Instant now, @Nullable Duration ago) {
        if (ago == null) {
            return;
        }
        clock.set(now.minus(ago));
        signIn.during(partner.email(), () -> {
            myWorkbook.submit(myWorkbook.myWork(assignment).workId());
            return null;
        });
    }

    private long sessionCheckIn(Partner partner, long session, Integer[] answers) {
        return signIn.during(partner.email(), () -> submit(checkIns.myOpenCheckIns().stream()
                .filter(open -> Objects.equals(open.sessionId(), session)).findFirst().orElseThrow().checkInId(),
                answers));
    }

    private long requestedCheckIn(Partner partner, Integer[] answers) {
        return signIn.during(partner.email(), () -> submit(checkIns.myOpenCheckIns().stream()
                .filter(open -> open.requested()).findFirst().orElseThrow().checkInId(), answers));
    }

    private long submit(long checkInId, Integer[] answers) {
        Item[] items = Item.values();
        if (answers.length != items.length && answers.length != items.length + 1) {
            throw new IllegalArgumentException("A check-in has " + items.length + " answers and a closeness picture");
        }
        for (int i = 0; i < items.length; i++) {
            if (answers[i] != null) {
                checkIns.answer(checkInId, items[i], answers[i]);
            }
        }
        Integer closeness = answers.length == items.length ? Integer.valueOf(CLOSENESS) : answers[items.length];
        if (closeness != null) {
            checkIns.closeness(checkInId, closeness);
        }
        checkIns.submit(checkInId);
        return checkInId;
    }
}
