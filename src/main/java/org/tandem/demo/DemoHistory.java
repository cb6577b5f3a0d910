package org.tandem.demo;

import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.COUPLE_STATUS_CHANGE;
import static org.tandem.jooq.Tables.INVITATION;
import static org.tandem.jooq.Tables.SESSION_NOTE;

import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Months of believable history for a demo couple: sessions every one or two weeks (mostly held, some
 * cancelled or missed), clinician notes on held sessions, the next session booked, the status
 * history, and invitations in every state. Seeded, so every demo database looks the same.
 */
final class DemoHistory {

    record Partner(long id, String name, @Nullable String email, boolean canSignIn) {}

    record Couple(long id, long clinicId, String status, long therapistId, Partner one, Partner two, int index) {}

    private static final List<String> NOTES = List.of(
            "{a} and {b} arrived on time and settled quickly. We mapped a typical week: {a} described evenings as "
                    + "\"parallel lives\"; {b} agreed and said weekends feel rushed.\nAgreed focus: one protected "
                    + "evening together, and one evening each for their own interests.",
            "Reviewed the weekly check-in conversation. They managed it twice this week; the second time "
                    + "{b} raised a worry about money without it becoming an argument.\n{a} noticed the urge to "
                    + "fix things rather than listen. Practised summarising back in session.",
            "Difficult session. An argument on Sunday about {b} spending time with friends; {a} felt left out, "
                    + "{b} felt watched. Slowed it down and named the pattern: one reaching for closeness, the "
                    + "other for space.\nBoth willing to try stating needs early and kindly.",
            "Good energy today. They had their first date night in months and both described it warmly.\n"
                    + "{a} is back at the climbing gym on Thursdays; {b} said it felt like a relief, not like being "
                    + "left behind. Reinforced that time apart can feed the relationship.",
            "Explored attachment history. {a} grew up in a family where needs were rarely spoken; {b} describes "
                    + "a close but intrusive family.\nHomework: each writes down one thing that helps them feel "
                    + "safe with the other, to share next time.",
            "Shared the \"feel safe\" lists. Overlap on small rituals: a morning coffee together, a message "
                    + "during the working day.\nAgreed to try the morning coffee on weekdays for two weeks.",
            "{b} had a hard week at work and withdrew; {a} read this as rejection. Talked about reassurance "
                    + "that does not require {b} to explain everything.\nPlan: {b} says \"I'm tired, not "
                    + "upset with you\" when that is true.",
            "Check-in on boundaries around phones at dinner. Mostly kept. One slip each, handled with humour.\n"
                    + "Next: plan a weekend with one day together and one day each for themselves.",
            "Worked on an \"I\" statement exercise with a recent disagreement about household tasks. {a} found "
                    + "it awkward at first, then clearer.\nBoth noticed less defensiveness when the request is "
                    + "specific.",
            "Reviewed progress since intake. Both report feeling more like a team. {a} wants to keep working on "
                    + "saying no without guilt; {b} on asking for time together without waiting to be asked.",
            "Short session (late start). Touched on plans for the holidays and the pull between the two "
                    + "families. Agreed to draft a plan each and compare next time, without deciding today.",
            "Talked about friendships: {b} misses old friends and wants to see them alone sometimes; {a} is "
                    + "supportive but anxious about it.\nExplored what would make it feel safe: a check-in "
                    + "message, a time to be home.");

    private static final String[][] CONCERNS = {
            {"communication", "time together"}, {"trust", "reassurance"}, {"conflict", "family of origin"},
            {"intimacy", "routines"}, {"independence", "friendships"}, {"life transition", "new baby"},
            {"boundaries", "work-life balance"}, {"jealousy"}, {"differing needs", "household tasks"},
            {"communication", "finances"}, {"retirement", "time together"}, {"career change"},
            {"reconnecting", "affection"}, {"co-parenting", "communication"}};

    private final DSLContext dsl;
    private final ZoneId zone;
    private final LocalDate today;
    private final SecureRandom tokens = new SecureRandom();

    DemoHistory(DSLContext dsl, ZoneId zone, LocalDate today) {
        this.dsl = dsl;
        this.zone = zone;
        this.today = today;
    }

    void write(Couple couple) {
        Random random = new Random(1000L + couple.index());
        dsl.update(COUPLE)
                .set(COUPLE.PRESENTING_CONCERNS, CONCERNS[couple.index() % CONCERNS.length])
                .where(COUPLE.ID.eq(couple.id()))
                .execute();

        int months = couple.status().equals("INTAKE") ? 0 : 3 + couple.index() % 7; // 3 to 9 months
        if (couple.status().equals("CLOSED")) {
            months = Math.max(months, 6); // closed two months ago, after months of work
        }
        LocalDate firstSession = couple.status().equals("INTAKE")
                ? today.minusDays(10 + random.nextInt(10))
                : today.minusMonths(months).minusDays(random.nextInt(7));
        LocalDate lastPossible = switch (couple.status()) {
            case "PAUSED" -> today.minusWeeks(5);
            case "CLOSED" -> today.minusWeeks(8);
            default -> today.minusDays(1);
        };
        int everyDays = random.nextBoolean() ? 7 : 14;
        DayOfWeek weekday = DayOfWeek.of(1 + random.nextInt(5));
        LocalTime time = LocalTime.of(9 + random.nextInt(9), random.nextBoolean() ? 0 : 30);
        String usualModality = random.nextInt(3) == 0 ? "VIDEO" : "IN_PERSON";
        int duration = random.nextInt(4) == 0 ? 90 : 50; // lengths the session form offers (CoupleSessionsView)

        statusChange(couple, null, "INTAKE", firstSession.minusDays(3));
        dsl.update(COUPLE)
                .set(COUPLE.CREATED_AT, at(firstSession.minusDays(3), LocalTime.of(18, 0)))
                .set(COUPLE.UPDATED_AT, at(firstSession.minusDays(3), LocalTime.of(18, 0)))
                .where(COUPLE.ID.eq(couple.id()))
                .execute();
        int held = 0;
        LocalDate day = firstSession.with(TemporalAdjusters.nextOrSame(weekday));
        for (; !day.isAfter(lastPossible); day = day.plusDays(everyDays)) {
            int roll = random.nextInt(100);
            String status = roll < 84 ? "HELD" : roll < 94 ? "CANCELLED" : "NO_SHOW";
            String modality = random.nextInt(6) == 0 ? other(usualModality) : usualModality;
            long session = session(couple, day, time, duration, modality, status);
            if (status.equals("HELD")) {
                note(couple, session, NOTES.get((couple.index() + held) % NOTES.size()), day);
                held++;
                if (held == 2 && !couple.status().equals("INTAKE")) {
                    statusChange(couple, "INTAKE", "ACTIVE", day);
                }
            }
        }
        switch (couple.status()) {
            case "PAUSED" -> statusChange(couple, "ACTIVE", "PAUSED", lastPossible.plusDays(2));
            case "CLOSED" -> statusChange(couple, "ACTIVE", "CLOSED", lastPossible.plusDays(3));
            default -> {
                LocalDate next = today.plusDays(1).with(TemporalAdjusters.nextOrSame(weekday));
                session(couple, next, time, duration, usualModality, "SCHEDULED");
            }
        }
        invitations(couple, random);
    }

    private static String other(String modality) {
        return modality.equals("VIDEO") ? "IN_PERSON" : "VIDEO";
    }

    private OffsetDateTime at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toOffsetDateTime();
    }

    private long session(Couple couple, LocalDate day, LocalTime time, int duration, String modality, String status) {
        return dsl.insertInto(COUPLE_SESSION)
                .set(COUPLE_SESSION.CLINIC_ID, couple.clinicId())
                .set(COUPLE_SESSION.COUPLE_ID, couple.id())
                .set(COUPLE_SESSION.STARTS_AT, at(day, time))
                .set(COUPLE_SESSION.DURATION_MINUTES, duration)
                .set(COUPLE_SESSION.MODALITY, modality)
                .set(COUPLE_SESSION.STATUS, status)
                .set(COUPLE_SESSION.CREATED_BY, couple.therapistId())
                .set(COUPLE_SESSION.CREATED_AT, at(day.minusDays(7), LocalTime.NOON))
                .returning(COUPLE_SESSION.ID)
                .fetchSingle(COUPLE_SESSION.ID);
    }

    private void note(Couple couple, long session, String template, LocalDate day) {
        String body = template.replace("{a}", firstName(couple.one().name()))
                .replace("{b}", firstName(couple.two().name()));
        dsl.insertInto(SESSION_NOTE)
                .set(SESSION_NOTE.SESSION_ID, session)
                .set(SESSION_NOTE.CLINIC_ID, couple.clinicId())
                .set(SESSION_NOTE.BODY, body)
                .set(SESSION_NOTE.UPDATED_BY, couple.therapistId())
                .set(SESSION_NOTE.UPDATED_AT, at(day, LocalTime.of(19, 0)))
                .execute();
    }

    private static String firstName(String name) {
        return name.split(" ")[0];
    }

    private void statusChange(Couple couple, @Nullable String from, String to, LocalDate day) {
        dsl.insertInto(COUPLE_STATUS_CHANGE)
                .set(COUPLE_STATUS_CHANGE.CLINIC_ID, couple.clinicId())
                .set(COUPLE_STATUS_CHANGE.COUPLE_ID, couple.id())
                .set(COUPLE_STATUS_CHANGE.FROM_STATUS, from)
                .set(COUPLE_STATUS_CHANGE.TO_STATUS, to)
                .set(COUPLE_STATUS_CHANGE.CHANGED_BY, couple.therapistId())
                .set(COUPLE_STATUS_CHANGE.CHANGED_AT, at(day, LocalTime.of(18, 0)))
                .execute();
    }

    /**
     * Every invitation state appears: accepted (partners who can sign in), pending, expired, and a
     * voided link followed by a pending one. The tokens are random and shown to no one: a therapist
     * creates a fresh link to invite a demo partner for real.
     */
    private void invitations(Couple couple, Random random) {
        for (Partner partner : List.of(couple.one(), couple.two())) {
            if (partner.email() == null || couple.status().equals("CLOSED")) {
                continue;
            }
            OffsetDateTime issued = at(today.minusDays(3 + random.nextInt(20)), LocalTime.of(10, 0));
            OffsetDateTime recent = at(today.minusDays(1 + random.nextInt(5)), LocalTime.of(10, 0)); // still pending
            if (partner.canSignIn()) {
                invitation(couple, partner, issued, issued.plusDays(7), issued.plusHours(5), null);
                continue;
            }
            switch ((couple.index() * 2 + (partner == couple.one() ? 0 : 1)) % 4) {
                case 0 -> invitation(couple, partner, recent, recent.plusDays(7), null, null);
                case 1 -> invitation(couple, partner, issued.minusDays(20), issued.minusDays(13), null, null);
                case 2 -> {
                    invitation(couple, partner, recent.minusDays(2), recent.plusDays(5), null, recent);
                    invitation(couple, partner, recent, recent.plusDays(7), null, null);
                }
                default -> {
                    // not invited yet
                }
            }
        }
    }

    private void invitation(Couple couple, Partner partner, OffsetDateTime created, OffsetDateTime expires,
            @Nullable OffsetDateTime accepted, @Nullable OffsetDateTime voided) {
        byte[] token = new byte[32];
        tokens.nextBytes(token);
        dsl.insertInto(INVITATION)
                .set(INVITATION.CLINIC_ID, couple.clinicId())
                .set(INVITATION.PARTNER_ID, partner.id())
                .set(INVITATION.EMAIL, partner.email())
                .set(INVITATION.ROLE, "CLIENT")
                .set(INVITATION.TOKEN_HASH, HexFormat.of().formatHex(token))
                .set(INVITATION.CREATED_BY, couple.therapistId())
                .set(INVITATION.CREATED_AT, created)
                .set(INVITATION.EXPIRES_AT, expires)
                .set(INVITATION.ACCEPTED_AT, accepted)
                .set(INVITATION.VOIDED_AT, voided)
                .set(INVITATION.ACCOUNT_ID, accepted == null ? null : accountOf(partner))
                .execute();
    }

    private @Nullable Long accountOf(Partner partner) {
        return dsl.select(org.tandem.jooq.Tables.PARTNER.ACCOUNT_ID).from(org.tandem.jooq.Tables.PARTNER)
                .where(org.tandem.jooq.Tables.PARTNER.ID.eq(partner.id())).fetchOne(org.tandem.jooq.Tables.PARTNER.ACCOUNT_ID);
    }
}
