package org.tandem.demo;

import static org.tandem.jooq.Tables.CHECK_IN;
import static org.tandem.jooq.Tables.CHECK_IN_ANSWER;
import static org.tandem.jooq.Tables.COUPLE_SESSION;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.tandem.balance.BalanceScoring;
import org.tandem.balance.Item;
import org.tandem.balance.Subscale;

/**
 * Balance check-ins for a demo couple: both partners check in before most held sessions (1–47 hours before,
 * the window opening 48 hours before), following a story from a baseline to a latest pair of keyed sums, so
 * that the demo shows every zone, a couple moving from distant to balanced, a reliable deterioration, a
 * divergence flag and a missing check-in before an upcoming session. Seeded, so every demo database looks the
 * same. The scores themselves are never computed here: the tests score the stored answers with BalanceScoring.
 */
final class DemoBalance {

    /** One partner's path: keyed sums (0–30) of independence and intimacy at baseline and at the latest check-in. */
    record Path(int independenceFrom, int intimacyFrom, int independenceTo, int intimacyTo) {}

    /**
     * A couple's story. {@code missingBeforeNext}: partner one has already checked in for the next session, which
     * starts within 48 hours, and partner two has not.
     */
    record Story(Path one, Path two, boolean missingBeforeNext) {}

    private static final Duration WINDOW = Duration.ofHours(48);

    private final DSLContext dsl;
    private final OffsetDateTime now;

    DemoBalance(DSLContext dsl, OffsetDateTime now) {
        this.dsl = dsl;
        this.now = now;
    }

    void write(DemoHistory.Couple couple, Story story) {
        Random random = new Random(3000L + couple.index());
        List<Session> held = dsl.select(COUPLE_SESSION.ID, COUPLE_SESSION.STARTS_AT).from(COUPLE_SESSION)
                .where(COUPLE_SESSION.COUPLE_ID.eq(couple.id()), COUPLE_SESSION.STATUS.eq("HELD"))
                .orderBy(COUPLE_SESSION.STARTS_AT)
                .fetch(r -> new Session(r.value1(), r.value2()));
        if (held.isEmpty()) {
            // No session held yet (an intake couple): the therapist asked for a first check-in.
            OffsetDateTime opens = now.minusDays(3).truncatedTo(ChronoUnit.HOURS);
            checkIn(couple, couple.one().id(), null, opens, opens.plusHours(5), story.one(), 1, 0, random);
            checkIn(couple, couple.two().id(), null, opens, opens.plusHours(20), story.two(), 1, 0, random);
        }
        for (int k = 0; k < held.size(); k++) {
            Session session = held.get(k);
            double progress = held.size() == 1 ? 1 : (double) k / (held.size() - 1);
            boolean always = k == 0 || k == held.size() - 1; // the baseline and the latest session: both partners
            for (var partner : List.of(couple.one(), couple.two())) {
                boolean skipped = random.nextInt(100) < 12;
                if (skipped && !always) {
                    continue;
                }
                Path path = partner == couple.one() ? story.one() : story.two();
                OffsetDateTime submitted = session.startsAt().minusHours(1 + random.nextInt(47))
                        .minusMinutes(random.nextInt(60));
                checkIn(couple, partner.id(), session.id(), session.startsAt().minus(WINDOW), submitted, path,
                        progress, always ? 0 : 1, random);
            }
        }
        if (story.missingBeforeNext()) {
            Session next = nextSessionWithin48Hours(couple);
            OffsetDateTime opens = next.startsAt().minus(WINDOW);
            OffsetDateTime submitted = opens.plus(Duration.between(opens, now).dividedBy(2)).truncatedTo(ChronoUnit.MINUTES);
            checkIn(couple, couple.one().id(), next.id(), opens, submitted, story.one(), 1, 0, random);
        } else {
            checkedInForTheNextSession(couple, story, random);
        }
    }

    private record Session(long id, OffsetDateTime startsAt) {}

    /**
     * Partners who can sign in have already checked in for a session whose 48-hour window is open, as most do: only
     * the couple of the "missing check-in" story is alerted for it.
     */
    private void checkedInForTheNextSession(DemoHistory.Couple couple, Story story, Random random) {
        dsl.select(COUPLE_SESSION.ID, COUPLE_SESSION.STARTS_AT).from(COUPLE_SESSION)
                .where(COUPLE_SESSION.COUPLE_ID.eq(couple.id()), COUPLE_SESSION.STATUS.eq("SCHEDULED"),
                        COUPLE_SESSION.STARTS_AT.gt(now), COUPLE_SESSION.STARTS_AT.le(now.plus(WINDOW)))
                .orderBy(COUPLE_SESSION.STARTS_AT).limit(1)
                .fetchOptional(r -> new Session(r.value1(), r.value2()))
                .ifPresent(next -> {
                    OffsetDateTime opens = next.startsAt().minus(WINDOW);
                    OffsetDateTime submitted = opens.plus(Duration.between(opens, now).dividedBy(2))
                            .truncatedTo(ChronoUnit.MINUTES);
                    if (couple.one().canSignIn()) {
                        checkIn(couple, couple.one().id(), next.id(), opens, submitted, story.one(), 1, 0, random);
                    }
                    if (couple.two().canSignIn()) {
                        checkIn(couple, couple.two().id(), next.id(), opens, submitted.plusMinutes(40), story.two(),
                                1, 0, random);
                    }
                });
    }

    /** The couple's next scheduled session, moved to tomorrow at the same time when it is more than 48 hours away. */
    private Session nextSessionWithin48Hours(DemoHistory.Couple couple) {
        Session next = dsl.select(COUPLE_SESSION.ID, COUPLE_SESSION.STARTS_AT).from(COUPLE_SESSION)
                .where(COUPLE_SESSION.COUPLE_ID.eq(couple.id()), COUPLE_SESSION.STATUS.eq("SCHEDULED"),
                        COUPLE_SESSION.STARTS_AT.gt(now))
                .orderBy(COUPLE_SESSION.STARTS_AT).limit(1)
                .fetchSingle(r -> new Session(r.value1(), r.value2()));
        if (!next.startsAt().isAfter(now.plus(WINDOW))) {
            return next;
        }
        OffsetDateTime tomorrow = now.toLocalDate().plusDays(1).atTime(next.startsAt().toLocalTime())
                .atOffset(next.startsAt().getOffset());
        dsl.update(COUPLE_SESSION).set(COUPLE_SESSION.STARTS_AT, tomorrow)
                .where(COUPLE_SESSION.ID.eq(next.id())).execute();
        return new Session(next.id(), tomorrow);
    }

    private void checkIn(DemoHistory.Couple couple, long partner, @Nullable Long session, OffsetDateTime opens,
            OffsetDateTime submitted, Path path, double progress, int noise, Random random) {
        int independence = between(path.independenceFrom(), path.independenceTo(), progress, noise, random);
        int intimacy = between(path.intimacyFrom(), path.intimacyTo(), progress, noise, random);
        int closeness = Math.clamp(1 + Math.round(intimacy / 5.0f), 1, 7);
        long id = dsl.insertInto(CHECK_IN)
                .set(CHECK_IN.CLINIC_ID, couple.clinicId())
                .set(CHECK_IN.COUPLE_ID, couple.id())
                .set(CHECK_IN.PARTNER_ID, partner)
                .set(CHECK_IN.INSTRUMENT_NUMBER, BalanceScoring.INSTRUMENT_VERSION)
                .set(CHECK_IN.SESSION_ID, session)
                .set(CHECK_IN.REQUESTED_BY, session == null ? couple.therapistId() : null)
                .set(CHECK_IN.OPENS_AT, opens)
                .set(CHECK_IN.CREATED_AT, opens)
                .set(CHECK_IN.CLOSENESS, (short) closeness)
                .set(CHECK_IN.SUBMITTED_AT, submitted)
                .returning(CHECK_IN.ID)
                .fetchSingle(CHECK_IN.ID);
        answers(couple, id, Subscale.INDEPENDENCE, independence, random);
        answers(couple, id, Subscale.INTIMACY, intimacy, random);
    }

    /** The keyed sum at {@code progress} (0 baseline, 1 latest) along a path, give or take {@code noise}. */
    private static int between(int from, int to, double progress, int noise, Random random) {
        int sum = (int) Math.round(from + (to - from) * progress) + random.nextInt(2 * noise + 1) - noise;
        return Math.clamp(sum, 0, 30);
    }

    /** Spreads a keyed sum over the subscale's five items, nudges one point between two items, and stores raw values. */
    private void answers(DemoHistory.Couple couple, long checkIn, Subscale subscale, int keyedSum, Random random) {
        List<Item> items = subscale.items();
        int sum = keyedSum;
        int[] keyed = new int[items.size()];
        for (int i = 0; i < keyed.length; i++) {
            keyed[i] = sum / keyed.length;
        }
        int start = random.nextInt(keyed.length);
        for (int extra = 0; extra < sum % keyed.length; extra++) {
            keyed[(start + extra) % keyed.length]++;
        }
        int up = random.nextInt(keyed.length);
        int down = random.nextInt(keyed.length);
        if (up != down && keyed[up] < Item.MAX_ANSWER && keyed[down] > Item.MIN_ANSWER) {
            keyed[up]++;
            keyed[down]--;
        }
        for (int i = 0; i < keyed.length; i++) {
            Item item = items.get(i);
            dsl.insertInto(CHECK_IN_ANSWER)
                    .set(CHECK_IN_ANSWER.CLINIC_ID, couple.clinicId())
                    .set(CHECK_IN_ANSWER.CHECK_IN_ID, checkIn)
                    .set(CHECK_IN_ANSWER.ITEM_CODE, item.name())
                    .set(CHECK_IN_ANSWER.VALUE, (short) (item.reversed() ? Item.MAX_ANSWER - keyed[i] : keyed[i]))
                    .execute();
        }
    }
}
