package org.tandem.demo;

import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.COUPLE;
import static org.tandem.jooq.Tables.COUPLE_SESSION;
import static org.tandem.jooq.Tables.COUPLE_STATUS_CHANGE;
import static org.tandem.jooq.Tables.COUPLE_THERAPIST;
import static org.tandem.jooq.Tables.INVITATION;
import static org.tandem.jooq.Tables.SESSION_NOTE;

import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.tandem.accounts.Role;
import org.tandem.couples.CoupleStatus;
import org.tandem.jooq.tables.records.CoupleSessionRecord;
import org.tandem.sessions.Modality;
import org.tandem.sessions.SessionStatus;

/**
 * Months of believable history for a demo couple: sessions every one or two weeks (mostly held, some
 * cancelled or missed), clinician notes on held sessions, the next session booked, the status
 * history, and invitations in every state. Seeded, so every demo database looks the same.
 *
 * <p>Laid out backwards from today in the clinic's zone, in whole days, so that every story holds whatever the
 * date, weekday, hour and zone at which the demo is loaded: a couple has the same number of sessions with the same
 * outcomes on any day, every past session is on a day before today, and only the next session of an active or
 * intake couple lies ahead, at a distance its story chooses (see {@link Next}).
 */
final class DemoHistory {

    /** Where a partner stands with their invitation to the client portal. */
    enum Invited {
        /** Accepted the evening after the couple was created: the partner has an account and uses the portal. */
        ACCEPTED,
        /** A link sent a few days ago, still valid; the one before it went to a mistyped address and was withdrawn. */
        PENDING,
        /** The link sent when the couple was created ran out unused. */
        EXPIRED,
        /** The link sent when the couple was created was withdrawn the next morning, at the partner's wish. */
        VOIDED,
        /** No link sent yet. */
        NOT_YET
    }

    /** When an active or intake couple's next session is, in days from today in the clinic's zone. */
    enum Next {
        /**
         * Their usual slot tomorrow (inside the window, which opened hours ago) or three or more days ahead (outside
         * it), on a working day. Never the day after tomorrow, whose window may open at any moment: a partner would be
         * alerted for a window that opened a minute ago.
         */
        USUAL,
        /** Tomorrow at their usual time (9:00 to 17:30): always within 48 hours, also across a clock change. */
        TOMORROW,
        /** Three or more days ahead (the first working day from then): never within 48 hours. */
        AFTER_THE_WINDOW
    }

    record Partner(long id, @Nullable Long accountId, String name, @Nullable String preferred, String email,
            Invited invited) {

        boolean canSignIn() {
            return accountId != null;
        }

        String firstName() {
            return name.split(" ")[0];
        }

        /** What the other partner calls them: the preferred name, else the first name. */
        String calledBy() {
            return preferred != null ? preferred : firstName();
        }
    }

    record Couple(long id, long clinicId, CoupleStatus status, long therapistId, Partner one, Partner two, int index,
            Next next) {}

    /** A session as written: the balance check-ins are laid out around them. */
    record Written(long id, OffsetDateTime startsAt, SessionStatus status) {}

    /** How long the invitation links of the demo last, as {@code tandem.invitations.valid-for} does by default. */
    private static final int LINK_DAYS = 7;

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

    private record Planned(LocalDate day, SessionStatus status, Modality modality) {}

    /** Writes the couple's history and returns its sessions, oldest first, the next one (if any) last. */
    List<Written> write(Couple couple) {
        Random random = new Random(1000L + couple.index());
        CoupleStatus status = couple.status();
        int every = status == CoupleStatus.INTAKE || random.nextBoolean() ? 7 : 14;
        LocalTime time = LocalTime.of(9 + random.nextInt(9), random.nextBoolean() ? 0 : 30);
        Modality usualModality = random.nextInt(3) == 0 ? Modality.VIDEO : Modality.IN_PERSON;
        // Lengths the session form offers (CoupleSessionsView): a standard hour, or a longer couples session.
        int duration = random.nextInt(4) == 0 ? 90 : 50;
        int usualIn = List.of(1, 3, 4).get(random.nextInt(3));
        // Four to eight months of sessions (16 to 36 weeks), closed couples at least six; two weeks at intake.
        int weeks = switch (status) {
            case INTAKE -> 2;
            case CLOSED -> Math.max(26, 16 + 4 * (couple.index() % 6));
            default -> 16 + 4 * (couple.index() % 6);
        };
        boolean upcoming = status == CoupleStatus.ACTIVE || status == CoupleStatus.INTAKE;
        LocalDate next = switch (couple.next()) {
            case TOMORROW -> today.plusDays(1);
            case AFTER_THE_WINDOW -> workingDayFrom(today.plusDays(3));
            case USUAL -> usualDay(today.plusDays(usualIn));
        };
        // The last session that took place (or was due to): every session is a whole number of intervals before it.
        LocalDate last = switch (status) {
            case PAUSED -> workingDayUpTo(today.minusWeeks(5));
            case CLOSED -> workingDayUpTo(today.minusWeeks(8));
            default -> next.minusDays(every);
        };
        int count = weeks * 7 / every;
        List<Planned> past = new ArrayList<>();
        for (int k = count - 1; k >= 0; k--) {
            int roll = random.nextInt(100);
            // The first session and the latest took place: a baseline at intake, and recent figures on the Overview.
            SessionStatus outcome = k == 0 || k == count - 1 || roll < 84 ? SessionStatus.HELD
                    : roll < 94 ? SessionStatus.CANCELLED : SessionStatus.NO_SHOW;
            Modality modality = random.nextInt(6) == 0 ? other(usualModality) : usualModality;
            past.add(new Planned(last.minusDays((long) k * every), outcome, modality));
        }
        LocalDate first = past.getFirst().day();

        OffsetDateTime created = at(first.minusDays(3), LocalTime.of(18, 0));
        dsl.update(COUPLE)
                .set(COUPLE.PRESENTING_CONCERNS, CONCERNS[couple.index() % CONCERNS.length])
                .set(COUPLE.CREATED_AT, created)
                .set(COUPLE.UPDATED_AT, created)
                .where(COUPLE.ID.eq(couple.id()))
                .execute();
        dsl.update(COUPLE_THERAPIST).set(COUPLE_THERAPIST.ASSIGNED_AT, created)
                .where(COUPLE_THERAPIST.COUPLE_ID.eq(couple.id()))
                .execute();

        List<Planned> all = new ArrayList<>(past);
        if (upcoming) {
            all.add(new Planned(next, SessionStatus.SCHEDULED, usualModality));
        }
        List<Written> sessions = sessions(couple, all, time, duration);

        List<StatusChange> statusChanges = new ArrayList<>();
        statusChanges.add(new StatusChange(null, CoupleStatus.INTAKE, first.minusDays(3)));
        List<Written> notes = new ArrayList<>();
        for (Written session : sessions) {
            if (session.status() == SessionStatus.HELD) {
                notes.add(session);
                if (notes.size() == 2 && status != CoupleStatus.INTAKE) {
                    statusChanges.add(new StatusChange(CoupleStatus.INTAKE, CoupleStatus.ACTIVE, dayOf(session)));
                }
            }
        }
        switch (status) {
            case PAUSED -> statusChanges.add(
                    new StatusChange(CoupleStatus.ACTIVE, CoupleStatus.PAUSED, last.plusDays(2)));
            case CLOSED -> statusChanges.add(
                    new StatusChange(CoupleStatus.ACTIVE, CoupleStatus.CLOSED, last.plusDays(3)));
            default -> {
                // still active, or still at intake
            }
        }
        notes(couple, notes);
        statusChanges(couple, statusChanges);
        invitations(couple, created);
        return sessions;
    }

    /** The day itself when it is a working day, else the Monday after. */
    private static LocalDate workingDayFrom(LocalDate day) {
        LocalDate working = day;
        while (working.getDayOfWeek() == DayOfWeek.SATURDAY || working.getDayOfWeek() == DayOfWeek.SUNDAY) {
            working = working.plusDays(1);
        }
        return working;
    }

    /** The first working day from {@code day} that is not the day after tomorrow (see {@link Next#USUAL}). */
    private LocalDate usualDay(LocalDate day) {
        LocalDate usual = workingDayFrom(day);
        while (usual.equals(today.plusDays(2))) {
            usual = workingDayFrom(usual.plusDays(1));
        }
        return usual;
    }

    /** The day itself when it is a working day, else the Friday before. */
    private static LocalDate workingDayUpTo(LocalDate day) {
        LocalDate working = day;
        while (working.getDayOfWeek() == DayOfWeek.SATURDAY || working.getDayOfWeek() == DayOfWeek.SUNDAY) {
            working = working.minusDays(1);
        }
        return working;
    }

    private static Modality other(Modality modality) {
        return modality == Modality.VIDEO ? Modality.IN_PERSON : Modality.VIDEO;
    }

    private OffsetDateTime at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toOffsetDateTime();
    }

    private LocalDate dayOf(Written session) {
        return session.startsAt().atZoneSameInstant(zone).toLocalDate();
    }

    /** All of the couple's sessions in one statement. */
    private List<Written> sessions(Couple couple, List<Planned> planned, LocalTime time, int duration) {
        var insert = dsl.insertInto(COUPLE_SESSION, COUPLE_SESSION.CLINIC_ID, COUPLE_SESSION.COUPLE_ID,
                COUPLE_SESSION.STARTS_AT, COUPLE_SESSION.DURATION_MINUTES, COUPLE_SESSION.MODALITY,
                COUPLE_SESSION.STATUS, COUPLE_SESSION.CREATED_BY, COUPLE_SESSION.CREATED_AT);
        for (Planned session : planned) {
            insert = insert.values(couple.clinicId(), couple.id(), at(session.day(), time), duration,
                    session.modality(), session.status(), couple.therapistId(),
                    at(session.day().minusDays(7), LocalTime.NOON));
        }
        Map<Instant, Long> ids = insert.returning(COUPLE_SESSION.ID, COUPLE_SESSION.STARTS_AT).fetch()
                .stream().collect(Collectors.toMap(r -> r.getStartsAt().toInstant(), CoupleSessionRecord::getId));
        return planned.stream().map(session -> {
            OffsetDateTime startsAt = at(session.day(), time);
            return new Written(Objects.requireNonNull(ids.get(startsAt.toInstant())), startsAt, session.status());
        }).toList();
    }

    /** A clinician note on every held session, written that evening. */
    private void notes(Couple couple, List<Written> held) {
        if (held.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(SESSION_NOTE, SESSION_NOTE.SESSION_ID, SESSION_NOTE.CLINIC_ID, SESSION_NOTE.BODY,
                SESSION_NOTE.UPDATED_BY, SESSION_NOTE.UPDATED_AT);
        for (int number = 0; number < held.size(); number++) {
            Written session = held.get(number);
            String body = NOTES.get((couple.index() + number) % NOTES.size())
                    .replace("{a}", couple.one().firstName())
                    .replace("{b}", couple.two().firstName());
            insert = insert.values(session.id(), couple.clinicId(), body, couple.therapistId(),
                    at(dayOf(session), LocalTime.of(19, 0)));
        }
        insert.execute();
    }

    private record StatusChange(@Nullable CoupleStatus from, CoupleStatus to, LocalDate day) {}

    private void statusChanges(Couple couple, List<StatusChange> changes) {
        var insert = dsl.insertInto(COUPLE_STATUS_CHANGE, COUPLE_STATUS_CHANGE.CLINIC_ID,
                COUPLE_STATUS_CHANGE.COUPLE_ID, COUPLE_STATUS_CHANGE.FROM_STATUS, COUPLE_STATUS_CHANGE.TO_STATUS,
                COUPLE_STATUS_CHANGE.CHANGED_BY, COUPLE_STATUS_CHANGE.CHANGED_AT);
        for (StatusChange change : changes) {
            insert = insert.values(couple.clinicId(), couple.id(), change.from(), change.to(), couple.therapistId(),
                    at(change.day(), LocalTime.of(18, 0)));
        }
        insert.execute();
    }

    /**
     * Each partner's invitation as their story says. Partners who accepted did so the evening after the couple was
     * created, which is when their account dates from. The tokens are random and shown to no one: a therapist creates
     * a fresh link to invite a demo partner for real.
     */
    private void invitations(Couple couple, OffsetDateTime created) {
        OffsetDateTime sent = created.plusMinutes(15);
        for (Partner partner : List.of(couple.one(), couple.two())) {
            switch (partner.invited()) {
                case ACCEPTED -> {
                    OffsetDateTime accepted = at(sent.atZoneSameInstant(zone).toLocalDate().plusDays(1),
                            LocalTime.of(20, 0));
                    invitation(couple, partner, sent, sent.plusDays(LINK_DAYS), accepted, null);
                    dsl.update(ACCOUNT).set(ACCOUNT.CREATED_AT, accepted)
                            .where(ACCOUNT.ID.eq(partner.accountId())).execute();
                }
                case PENDING -> {
                    OffsetDateTime mistyped = at(today.minusDays(5), LocalTime.of(10, 0));
                    OffsetDateTime resent = at(today.minusDays(2), LocalTime.of(10, 0));
                    invitation(couple, partner, mistyped, mistyped.plusDays(LINK_DAYS), null, resent);
                    invitation(couple, partner, resent, resent.plusDays(LINK_DAYS), null, null);
                }
                case EXPIRED -> invitation(couple, partner, sent, sent.plusDays(LINK_DAYS), null, null);
                case VOIDED -> invitation(couple, partner, sent, sent.plusDays(LINK_DAYS), null,
                        at(sent.atZoneSameInstant(zone).toLocalDate().plusDays(1), LocalTime.of(9, 0)));
                case NOT_YET -> {
                    // nothing sent yet
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
                .set(INVITATION.ROLE, Role.CLIENT)
                .set(INVITATION.TOKEN_HASH, HexFormat.of().formatHex(token))
                .set(INVITATION.CREATED_BY, couple.therapistId())
                .set(INVITATION.CREATED_AT, created)
                .set(INVITATION.EXPIRES_AT, expires)
                .set(INVITATION.ACCEPTED_AT, accepted)
                .set(INVITATION.VOIDED_AT, voided)
                .set(INVITATION.ACCOUNT_ID, accepted == null ? null : partner.accountId())
                .execute();
    }
}
