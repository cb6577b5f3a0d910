package org.tandem.demo;

import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.CHECK_IN_ANSWER;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.tandem.balance.Alerts;
import org.tandem.balance.BalanceScoring;
import org.tandem.balance.Item;
import org.tandem.balance.Subscale;
import org.tandem.jooq.tables.records.CheckInRecord;
import org.tandem.sessions.SessionStatus;

/**
 * Balance check-ins for a demo couple: the partners who can sign in check in before most held sessions (1–47 hours
 * before, the window opening 48 hours before), following a story from a baseline to a latest pair of keyed sums, so
 * that the demo shows every zone, a couple moving from distant to balanced, a reliable deterioration, a divergence
 * flag and a missing check-in before an upcoming session. Partners without an account have never checked in. Seeded,
 * so every demo database looks the same. The scores themselves are never computed here: the tests score the stored
 * answers with BalanceScoring.
 */
final class DemoBalance {

    /** One partner's path: keyed sums (0–30) of independence and intimacy at baseline and at the latest check-in. */
    record Path(int independenceFrom, int intimacyFrom, int independenceTo, int intimacyTo) {}

    /**
     * A couple's story. {@code missingBeforeNext}: partner one has already checked in for the next session, which
     * starts within 48 hours, and partner two has not.
     */
    record Story(Path one, Path two, boolean missingBeforeNext) {}

    private static final Duration WINDOW = Alerts.CHECK_IN_WINDOW;

    private final DSLContext dsl;
    private final OffsetDateTime now;

    DemoBalance(DSLContext dsl, OffsetDateTime now) {
        this.dsl = dsl;
        this.now = now;
    }

    /** A check-in to write, with its raw answers. */
    private record Planned(long partnerId, @Nullable Long sessionId, boolean requested, OffsetDateTime opens,
            OffsetDateTime submitted, int closeness, Map<Item, Integer> answers) {}

    void write(DemoHistory.Couple couple, Story story, List<DemoHistory.Written> sessions) {
        Random random = new Random(3000L + couple.index());
        List<Planned> planned = new ArrayList<>();
        List<DemoHistory.Written> held = sessions.stream().filter(session -> session.status() == SessionStatus.HELD).toList();
        if (held.isEmpty()) {
            // No session held yet (an intake couple): the therapist asked for a first check-in.
            OffsetDateTime opens = now.minusDays(3).truncatedTo(ChronoUnit.HOURS);
            plan(planned, couple.one(), null, opens, opens.plusHours(5), story.one(), 1, 0, random);
            plan(planned, couple.two(), null, opens, opens.plusHours(20), story.two(), 1, 0, random);
        }
        for (int k = 0; k < held.size(); k++) {
            DemoHistory.Written session = held.get(k);
            double progress = held.size() == 1 ? 1 : (double) k / (held.size() - 1);
            boolean always = k == 0 || k == held.size() - 1; // the baseline and the latest session: both partners
            for (DemoHistory.Partner partner : List.of(couple.one(), couple.two())) {
                boolean skipped = random.nextInt(100) < 12;
                if (skipped && !always) {
                    continue;
                }
                Path path = partner == couple.one() ? story.one() : story.two();
                OffsetDateTime submitted = session.startsAt().minusHours(1 + random.nextInt(47))
                        .minusMinutes(random.nextInt(60));
                plan(planned, partner, session.id(), session.startsAt().minus(WINDOW), submitted, path, progress,
                        always ? 0 : 1, random);
            }
        }
        checkInsForTheNextSession(couple, story, sessions, planned, random);
        insert(couple, planned);
    }

    /**
     * Partners who can sign in have already checked in for a next session whose 48-hour window is open, as most do:
     * only the "missing check-in" story's partner two has not. DemoHistory puts a next session either tomorrow (well
     * inside its window, which opened hours ago) or three or more days ahead (outside it), never at the window's edge.
     */
    private void checkInsForTheNextSession(DemoHistory.Couple couple, Story story, List<DemoHistory.Written> sessions,
            List<Planned> planned, Random random) {
        DemoHistory.Written next = sessions.stream().filter(session -> session.status() == SessionStatus.SCHEDULED)
                .findFirst().orElse(null);
        boolean windowOpen = next != null && !now.isBefore(next.startsAt().minus(WINDOW))
                && now.isBefore(next.startsAt());
        if (story.missingBeforeNext() && !windowOpen) {
            throw new IllegalStateException("The missing check-in story needs a next session within 48 hours");
        }
        if (next == null || !windowOpen) {
            return;
        }
        OffsetDateTime opens = next.startsAt().minus(WINDOW);
        OffsetDateTime submitted = opens.plus(Duration.between(opens, now).dividedBy(2)).truncatedTo(ChronoUnit.MINUTES);
        plan(planned, couple.one(), next.id(), opens, submitted, story.one(), 1, 0, random);
        if (!story.missingBeforeNext()) {
            plan(planned, couple.two(), next.id(), opens, submitted.plusMinutes(40), story.two(), 1, 0, random);
        }
    }

    /** Plans a check-in of a partner who can sign in; a partner without an account cannot check in. */
    private static void plan(List<Planned> planned, DemoHistory.Partner partner, @Nullable Long session,
            OffsetDateTime opens, OffsetDateTime submitted, Path path, double progress, int noise, Random random) {
        int independence = between(path.independenceFrom(), path.independenceTo(), progress, noise, random);
        int intimacy = between(path.intimacyFrom(), path.intimacyTo(), progress, noise, random);
        int closeness = Math.clamp(1 + Math.round(intimacy / 5.0f), 1, 7);
        Map<Item, Integer> answers = new EnumMap<>(Item.class);
        answers.putAll(answers(Subscale.INDEPENDENCE, independence, random));
        answers.putAll(answers(Subscale.INTIMACY, intimacy, random));
        if (partner.canSignIn()) {
            planned.add(new Planned(partner.id(), session, session == null, opens, submitted, closeness, answers));
        }
    }

    /** The keyed sum at {@code progress} (0 baseline, 1 latest) along a path, give or take {@code noise}. */
    private static int between(int from, int to, double progress, int noise, Random random) {
        int sum = (int) Math.round(from + (to - from) * progress) + random.nextInt(2 * noise + 1) - noise;
        return Math.clamp(sum, 0, 30);
    }

    /** Spreads a keyed sum over the subscale's five items, nudges one point between two items, and gives raw values. */
    private static Map<Item, Integer> answers(Subscale subscale, int keyedSum, Random random) {
        List<Item> items = subscale.items();
        int[] keyed = new int[items.size()];
        for (int i = 0; i < keyed.length; i++) {
            keyed[i] = keyedSum / keyed.length;
        }
        int start = random.nextInt(keyed.length);
        for (int extra = 0; extra < keyedSum % keyed.length; extra++) {
            keyed[(start + extra) % keyed.length]++;
        }
        int up = random.nextInt(keyed.length);
        int down = random.nextInt(keyed.length);
        if (up != down && keyed[up] < Item.MAX_ANSWER && keyed[down] > Item.MIN_ANSWER) {
            keyed[up]++;
            keyed[down]--;
        }
        Map<Item, Integer> raw = new EnumMap<>(Item.class);
        for (int i = 0; i < keyed.length; i++) {
            Item item = items.get(i);
            raw.put(item, item.reversed() ? Item.MAX_ANSWER - keyed[i] : keyed[i]);
        }
        return raw;
    }

    private record Key(long partnerId, Instant submitted) {}

    /** The couple's check-ins in one statement and all their answers in another. */
    private void insert(DemoHistory.Couple couple, List<Planned> planned) {
        if (planned.isEmpty()) {
            return;
        }
        var checkIns = dsl.insertInto(CHECK_IN, CHECK_IN.CLINIC_ID, CHECK_IN.COUPLE_ID, CHECK_IN.PARTNER_ID,
                CHECK_IN.INSTRUMENT_NUMBER, CHECK_IN.SESSION_ID, CHECK_IN.REQUESTED_BY, CHECK_IN.OPENS_AT,
                CHECK_IN.CREATED_AT, CHECK_IN.CLOSENESS, CHECK_IN.SUBMITTED_AT);
        for (Planned checkIn : planned) {
            checkIns = checkIns.values(couple.clinicId(), couple.id(), checkIn.partnerId(),
                    BalanceScoring.INSTRUMENT_VERSION, checkIn.sessionId(),
                    checkIn.requested() ? couple.therapistId() : null, checkIn.opens(), checkIn.opens(),
                    (short) checkIn.closeness(), checkIn.submitted());
        }
        Map<Key, Long> ids = checkIns.returning(CHECK_IN.ID, CHECK_IN.PARTNER_ID, CHECK_IN.SUBMITTED_AT).fetch().stream()
                .collect(Collectors.toMap(r -> new Key(r.getPartnerId(), r.getSubmittedAt().toInstant()),
                        CheckInRecord::getId));
        var answers = dsl.insertInto(CHECK_IN_ANSWER, CHECK_IN_ANSWER.CLINIC_ID, CHECK_IN_ANSWER.CHECK_IN_ID,
                CHECK_IN_ANSWER.ITEM_CODE, CHECK_IN_ANSWER.VALUE);
        for (Planned checkIn : planned) {
            long id = Objects.requireNonNull(ids.get(new Key(checkIn.partnerId(), checkIn.submitted().toInstant())));
            for (var answer : checkIn.answers().entrySet()) {
                answers = answers.values(couple.clinicId(), id, answer.getKey(), answer.getValue().shortValue());
            }
        }
        answers.execute();
    }
}
