package org.tandem.demo;

import static org.tandem.jooq.Tables.MESSAGE;
import static org.tandem.jooq.Tables.MESSAGE_DRAFT;
import static org.tandem.jooq.Tables.MESSAGE_READ;
import static org.tandem.jooq.Tables.MESSAGE_THREAD;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.tandem.couples.CoupleStatus;
import org.tandem.sessions.SessionStatus;

/**
 * Months of messages for a demo couple whose partners can sign in: the joint thread (both partners and the couple's
 * therapists) and each partner's private thread with the therapists, from the first session to now (or to the pause
 * or the close). Kind, short, between-sessions texts, some with links and line breaks; one message withdrawn by a
 * therapist a minute after sending it by mistake; read markers so that some threads are unread: Alex and Sam's joint
 * thread holds two messages their therapist has not read yet, and Sam's private thread one she has not. Written
 * straight to the tables like the rest of the demo, laid out backwards from now so that every message lies in the
 * past whenever the demo is loaded.
 */
final class DemoMessages {

    /** Who writes a line of a conversation: the therapist, partner one, partner two, or the private thread's owner. */
    private enum By { THERAPIST, ONE, TWO, OWNER }

    private record Line(By by, String text) {}

    private static Line t(String text) {
        return new Line(By.THERAPIST, text);
    }

    private static Line a(String text) {
        return new Line(By.ONE, text);
    }

    private static Line b(String text) {
        return new Line(By.TWO, text);
    }

    private static Line p(String text) {
        return new Line(By.OWNER, text);
    }

    // {a}, {b}: the partners (as they are called); {t}: the therapist; {p}: the private thread's owner, {o}: the other.
    private static final List<Line> WELCOME = List.of(
            t("Hi {a} and {b}, welcome to your messages in Tandem. You can write to me here between sessions; I "
                    + "usually answer within two working days.\nFor anything urgent, please call the practice."),
            a("Thanks {t}, good to know."),
            b("Thank you! See you at the next session."));

    private static final List<List<Line>> JOINT = List.of(
            List.of(t("As promised, here is the handout on gentle start-ups we talked about:\n"
                            + "https://riverside-couples.example/handouts/gentle-start-up\n"
                            + "No need to read all of it; the first page is the important one."),
                    b("Got it, thanks. We read the first page together last night.")),
            List.of(a("Quick question: is it all right if we do the weekly check-in on Sunday instead of Friday? "
                            + "Fridays are chaos with work."),
                    t("Of course. The day matters much less than doing it regularly, and Sunday evening sounds good."),
                    b("Sunday it is, then.")),
            List.of(b("We had a rough evening yesterday and fell back into the old pattern. We did manage to stop "
                            + "and take a break, though."),
                    t("Thank you for letting me know. Stopping and taking a break is exactly the skill, so that is "
                            + "progress even if the evening felt rough. Let's look at it together next session."),
                    a("That helps to hear. Thanks.")),
            List.of(t("A reminder that the practice is closed next Monday for the bank holiday. Your session is not "
                            + "affected."),
                    a("Noted, thank you.")),
            List.of(a("We tried the morning coffee all week. Five out of five days!"),
                    t("That's wonderful to hear. What made it work this time?"),
                    a("Honestly, setting the alarm ten minutes earlier.\nAnd leaving the phones in the other room."),
                    b("And {a} makes very good coffee.")),
            List.of(t("Before our next session, could you each think of one moment this week when you felt close? "
                            + "Just one, and small is fine. No need to write it here."),
                    b("Will do.")),
            List.of(b("Could we talk about the holidays next time? Both our families have asked and we keep "
                            + "putting the conversation off."),
                    t("Yes, let's put it first on the list. It may help to each jot down beforehand what matters "
                            + "most to you about the holidays.")),
            List.of(a("Running about ten minutes late today, sorry: the train is stuck outside the station."),
                    t("No problem, thanks for letting me know. See you soon.")),
            List.of(t("I've added a short reading for this week. It's optional, but a few couples have found it "
                            + "helpful:\nhttps://riverside-couples.example/reading/turning-towards"),
                    a("Thanks, I'll have a look at the weekend."),
                    b("Read it on the bus this morning. The part about small bids for attention really landed.")),
            List.of(b("Thank you for today's session. It was hard, but I feel lighter than I have in weeks."),
                    a("Same here. Thank you."),
                    t("Thank you both for the honesty you brought today. Be gentle with each other this week.")),
            List.of(t("The video link for our next session is the same as last time:\n"
                            + "https://meet.riverside-couples.example/room/{room}\n"
                            + "If it doesn't work, I'll call {a}'s phone."),
                    b("Perfect, thank you.")),
            List.of(a("We both read the page on repair attempts. We've started using \"can we start again?\" when "
                            + "a conversation goes sideways. It's a bit silly, but it works."),
                    t("It's not silly at all. A shared phrase like that is a lovely repair attempt. Keep it up.")));

    private static final List<Line> PAUSED = List.of(
            t("As we agreed, we're pausing our sessions for now. Your workbook stays open, and you can write here "
                    + "any time you'd like to pick things up again."),
            b("Thank you, we will. Taking a breath feels right for now."));

    private static final List<Line> CLOSED = List.of(
            t("It has been a privilege to work with you both. Your records stay here, and you are always welcome "
                    + "to get in touch again.\nAll the best, {t}"),
            a("Thank you for everything, {t}."),
            b("Thank you. We'll keep the Sunday check-ins going."));

    private static final List<List<Line>> PRIVATE = List.of(
            List.of(p("Hi {t}, can I ask something just between us? I find it hard to say in session that I need "
                            + "more time on my own without {o} hearing it as rejection."),
                    t("Of course, {p}. That's a very common worry, and it's something we can work on at your pace. "
                            + "Would it help to practise how you might say it, next time we meet?"),
                    p("Yes, I think that would help. Thank you.")),
            List.of(t("Hi {p}, just checking in after our last session. You seemed quiet towards the end. How are "
                            + "you doing?"),
                    p("I'm OK. It brought up some old things from my family. I'd like to talk about them a bit more, "
                            + "but not with {o} there yet."),
                    t("Thank you for telling me. We can set some time aside for that, and there's no rush to share "
                            + "anything before you're ready.")),
            List.of(p("I wrote a long answer in the workbook and kept it private. I'm not sure yet whether I want "
                            + "{o} to read it."),
                    t("That's completely fine: private answers stay private unless you choose to share them. We can "
                            + "talk about whether and when to share it, if you like.")),
            List.of(p("Small win: I went to my evening class on Wednesday and didn't feel guilty about it."),
                    t("That's a real step, {p}. Well done for noticing it, too.")),
            List.of(t("Here is the breathing exercise I mentioned:\n"
                            + "https://riverside-couples.example/handouts/box-breathing\n"
                            + "Two minutes before a difficult conversation is enough."),
                    p("Thanks, I'll try it.")),
            List.of(p("Is it normal to feel worse before it gets better? This week was tough."),
                    t("Yes, it often is. When old patterns are named, they can feel louder for a while. Let's talk "
                            + "about what made this week tough, and what helped, even a little.")),
            List.of(p("I might not make our next session: my manager has set a deadline for that day. I'll know by "
                            + "Friday."),
                    t("Thanks for the early warning, {p}. Let me know on Friday and we'll find another time if "
                            + "needed.")));

    /** Alex and Sam's latest: two messages their therapist has not read yet. */
    private static final List<Line> ALEX_AND_SAM_LATEST = List.of(
            a("We talked about the holiday plan over the weekend and agreed on most of it!"),
            b("Still one open question about New Year's, but we'd like to bring that to our next session."));

    /** The latest in Sam's private thread, which she has not read yet. */
    private static final Line SAM_UNREAD = t("Hi Sam, I've been thinking about what you said about wanting something "
            + "of your own. The community centre has a list of evening classes:\n"
            + "https://riverside-community.example/evening-classes\nNo pressure, just in case it's useful.");

    /** Sent by mistake with half a link and withdrawn a minute later (the Okafors' joint thread), then sent again. */
    private static final String WITHDRAWN = "Hi both, here is the worksheet: https://riverside-couples.example/hand";
    private static final String RESENT = "Sorry, the link in my last message was cut off. Here it is:\n"
            + "https://riverside-couples.example/handouts/repair-attempts";

    /** What Alex has started to type in the joint thread and not sent yet. */
    private static final String ALEX_DRAFT = "One more thing about New Year's: ";

    /** A therapist of the couple: account id and first name (how they sign their messages). */
    record Therapist(long accountId, String called) {}

    private record Planned(long thread, long sender, OffsetDateTime at, String body, boolean withdrawn) {}

    private record Sent(long id, long thread, long sender, OffsetDateTime at) {}

    private record Read(long thread, long account, long lastRead, OffsetDateTime at) {}

    private final DSLContext dsl;
    private final OffsetDateTime now;
    /** How many messages were written (for the loader's log). */
    private int written;

    DemoMessages(DSLContext dsl, OffsetDateTime now) {
        this.dsl = dsl;
        this.now = now;
    }

    int written() {
        return written;
    }

    /**
     * The couple's three threads, from the first session to now (or to the pause or the close). Nothing for a couple
     * of whom a partner cannot sign in yet.
     *
     * @param therapists the primary therapist first, then the co-therapist if any
     */
    void write(DemoHistory.Couple couple, List<Therapist> therapists, List<DemoHistory.Written> sessions) {
        Long one = couple.one().accountId();
        Long two = couple.two().accountId();
        if (one == null || two == null || sessions.isEmpty()) {
            return;
        }
        Random random = new Random(2000L + couple.index());
        boolean alexAndSam = couple.one().email().equals("alex@example.com");
        OffsetDateTime start = sessions.getFirst().startsAt().minusDays(1);
        OffsetDateTime end = switch (couple.status()) {
            case PAUSED, CLOSED -> lastHeld(sessions).plusDays(2);
            default -> now.minusDays(2);
        };
        long weeks = Math.max(1, Duration.between(start, end).toDays() / 7);
        long joint = thread(couple, null, start);
        long privateOne = thread(couple, couple.one().id(), start);
        long privateTwo = thread(couple, couple.two().id(), start);

        // The joint thread: a welcome, then a conversation every two to three weeks, a last word on pause or close.
        List<List<Line>> jointTalks = new ArrayList<>();
        jointTalks.add(WELCOME);
        int talks = (int) Math.clamp(weeks / 3, 2, JOINT.size());
        for (int k = 0; k < talks; k++) {
            jointTalks.add(JOINT.get((couple.index() * 5 + k) % JOINT.size()));
        }
        if (couple.status() == CoupleStatus.PAUSED) {
            jointTalks.add(PAUSED);
        } else if (couple.status() == CoupleStatus.CLOSED) {
            jointTalks.add(CLOSED);
        }
        List<Planned> planned = new ArrayList<>();
        spread(planned, joint, jointTalks, start, end, couple, therapists, null, random);
        int privateTalks = (int) Math.clamp(weeks / 8, 1, 3);
        for (DemoHistory.Partner owner : List.of(couple.one(), couple.two())) {
            List<List<Line>> own = new ArrayList<>();
            int first = couple.index() * 2 + (owner == couple.one() ? 0 : 3);
            for (int k = 0; k < privateTalks; k++) {
                own.add(PRIVATE.get((first + k) % PRIVATE.size()));
            }
            OffsetDateTime from = start.plusMinutes(Duration.between(start, end).toMinutes() / (4 + random.nextInt(4)));
            spread(planned, owner == couple.one() ? privateOne : privateTwo, own, from, end, couple, therapists, owner,
                    random);
        }
        Therapist primary = therapists.getFirst();
        if (alexAndSam) {
            planned.add(new Planned(joint, one, now.minusHours(30), ALEX_AND_SAM_LATEST.get(0).text(), false));
            planned.add(new Planned(joint, two, now.minusHours(5), ALEX_AND_SAM_LATEST.get(1).text(), false));
            planned.add(new Planned(privateTwo, primary.accountId(), now.minusHours(20), SAM_UNREAD.text(), false));
        }
        if (couple.one().name().equals("Daniel Okafor")) {
            OffsetDateTime mistake = end.minusDays(9).withHour(11).withMinute(2);
            planned.add(new Planned(joint, primary.accountId(), mistake, WITHDRAWN, true));
            planned.add(new Planned(joint, primary.accountId(), mistake.plusMinutes(3), RESENT, false));
        }
        planned.sort(Comparator.comparing(Planned::at));
        List<Sent> sent = insert(couple.clinicId(), planned);
        written += sent.size();

        // Everyone has read everything, but for the stories of unread threads.
        List<Read> reads = new ArrayList<>();
        boolean someUnread = couple.status() == CoupleStatus.ACTIVE;
        for (long reader : readers(List.of(one, two), therapists)) {
            int unread = alexAndSam && reader == primary.accountId() ? 2
                    // some couples' last word in the joint thread is not read yet by those who did not write it
                    : someUnread && couple.index() % 4 == 1 && lastOf(sent, joint).sender() != reader ? 1 : 0;
            read(sent, joint, reader, unread, reads);
        }
        for (long thread : List.of(privateOne, privateTwo)) {
            long owner = thread == privateOne ? one : two;
            for (long reader : readers(List.of(owner), therapists)) {
                int unread = alexAndSam && thread == privateTwo && reader == owner ? 1
                        // and some therapists have not read a partner's latest in a private thread
                        : someUnread && couple.index() % 5 == 4 && thread == privateOne && reader != owner
                                && lastOf(sent, thread).sender() == owner ? 1 : 0;
                read(sent, thread, reader, unread, reads);
            }
        }
        var insertReads = dsl.insertInto(MESSAGE_READ, MESSAGE_READ.CLINIC_ID, MESSAGE_READ.THREAD_ID,
                MESSAGE_READ.ACCOUNT_ID, MESSAGE_READ.LAST_READ_MESSAGE_ID, MESSAGE_READ.READ_AT);
        for (Read read : reads) {
            insertReads = insertReads.values(couple.clinicId(), read.thread(), read.account(), read.lastRead(),
                    read.at());
        }
        insertReads.execute();
        if (alexAndSam) {
            dsl.insertInto(MESSAGE_DRAFT)
                    .set(MESSAGE_DRAFT.CLINIC_ID, couple.clinicId())
                    .set(MESSAGE_DRAFT.THREAD_ID, joint)
                    .set(MESSAGE_DRAFT.ACCOUNT_ID, one)
                    .set(MESSAGE_DRAFT.BODY, ALEX_DRAFT)
                    .set(MESSAGE_DRAFT.SAVED_AT, now.minusHours(2))
                    .execute();
        }
    }

    private static OffsetDateTime lastHeld(List<DemoHistory.Written> sessions) {
        return sessions.stream().filter(session -> session.status() == SessionStatus.HELD)
                .map(DemoHistory.Written::startsAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static List<Long> readers(List<Long> partners, List<Therapist> therapists) {
        List<Long> readers = new ArrayList<>(partners);
        therapists.forEach(therapist -> readers.add(therapist.accountId()));
        return readers;
    }

    private long thread(DemoHistory.Couple couple, @Nullable Long partnerId, OffsetDateTime created) {
        return dsl.insertInto(MESSAGE_THREAD)
                .set(MESSAGE_THREAD.CLINIC_ID, couple.clinicId())
                .set(MESSAGE_THREAD.COUPLE_ID, couple.id())
                .set(MESSAGE_THREAD.PARTNER_ID, partnerId)
                .set(MESSAGE_THREAD.CREATED_AT, created)
                .returning(MESSAGE_THREAD.ID).fetchSingle().getId();
    }

    /**
     * The conversations laid out evenly between {@code from} and {@code to}, each on a day at a daytime hour, its
     * replies half an hour to four hours apart (the night's
     * the next morning); a co-therapist answers now and then.
     */
    private void spread(List<Planned> planned, long thread, List<List<Line>> talks, OffsetDateTime from,
            OffsetDateTime to, DemoHistory.Couple couple, List<Therapist> therapists,
            DemoHistory.@Nullable Partner owner, Random random) {
        long span = Duration.between(from, to).toMinutes();
        for (int k = 0; k < talks.size(); k++) {
            OffsetDateTime at = from.plusMinutes(span * (2L * k + 1) / (2L * talks.size()))
                    .withHour(8 + random.nextInt(11)).withMinute(random.nextInt(60));
            Therapist therapist = therapists.size() > 1 && k % 3 == 2 ? therapists.get(1) : therapists.getFirst();
            for (Line line : talks.get(k)) {
                long sender = switch (line.by()) {
                    case THERAPIST -> therapist.accountId();
                    case ONE -> Objects.requireNonNull(couple.one().accountId());
                    case TWO -> Objects.requireNonNull(couple.two().accountId());
                    case OWNER -> Objects.requireNonNull(Objects.requireNonNull(owner).accountId());
                };
                planned.add(new Planned(thread, sender, at, fill(line.text(), couple, therapist, owner), false));
                at = at.plusMinutes(30 + random.nextInt(210));
                if (at.getHour() >= 22 || at.getHour() < 7) {
                    at = at.plusHours(at.getHour() >= 22 ? 24 : 0).withHour(7).withMinute(30 + random.nextInt(30));
                }
            }
        }
    }

    private static String fill(String text, DemoHistory.Couple couple, Therapist therapist,
            DemoHistory.@Nullable Partner owner) {
        String filled = text.replace("{a}", couple.one().calledBy()).replace("{b}", couple.two().calledBy())
                .replace("{t}", therapist.called()).replace("{room}", "rcp-" + (4100 + couple.index() * 7));
        if (owner != null) {
            DemoHistory.Partner other = owner == couple.one() ? couple.two() : couple.one();
            filled = filled.replace("{p}", owner.calledBy()).replace("{o}", other.calledBy());
        }
        return filled;
    }

    /** All of the couple's messages in one statement, in the order they were sent (ids follow time). */
    private List<Sent> insert(long clinicId, List<Planned> planned) {
        var insert = dsl.insertInto(MESSAGE, MESSAGE.CLINIC_ID, MESSAGE.THREAD_ID, MESSAGE.SENDER_ACCOUNT_ID,
                MESSAGE.BODY, MESSAGE.SENT_AT, MESSAGE.WITHDRAWN_AT, MESSAGE.WITHDRAWN_BY);
        for (Planned message : planned) {
            insert = insert.values(clinicId, message.thread(), message.sender(), message.body(), message.at(),
                    message.withdrawn() ? message.at().plusMinutes(1) : null,
                    message.withdrawn() ? message.sender() : null);
        }
        List<Long> ids = insert.returning(MESSAGE.ID).fetch(MESSAGE.ID).stream().sorted().toList();
        List<Sent> sent = new ArrayList<>();
        for (int index = 0; index < planned.size(); index++) {
            Planned message = planned.get(index);
            sent.add(new Sent(ids.get(index), message.thread(), message.sender(), message.at()));
        }
        return sent;
    }

    private static Sent lastOf(List<Sent> sent, long thread) {
        return sent.stream().filter(message -> message.thread() == thread).reduce((earlier, later) -> later)
                .orElseThrow();
    }

    /** A reader's marker: read up to the thread's last message but {@code unread}, soon after it was sent. */
    private void read(List<Sent> sent, long thread, long reader, int unread, List<Read> reads) {
        List<Sent> messages = sent.stream().filter(message -> message.thread() == thread).toList();
        int last = messages.size() - 1 - unread;
        if (last < 0) {
            return;
        }
        Sent upTo = messages.get(last);
        OffsetDateTime at = upTo.at().plusMinutes(40);
        reads.add(new Read(thread, reader, upTo.id(), at.isBefore(now) ? at : now.minusMinutes(1)));
    }
}
