package org.tandem.demo;

import static org.tandem.jooq.Tables.ANSWER;
import static org.tandem.jooq.Tables.ASSIGNMENT_WORK;
import static org.tandem.jooq.Tables.FEEDBACK;
import static org.tandem.jooq.Tables.GOAL;
import static org.tandem.jooq.Tables.GOAL_MILESTONE;
import static org.tandem.jooq.Tables.GOAL_UPDATE;
import static org.tandem.jooq.Tables.MODULE;
import static org.tandem.jooq.Tables.MODULE_ASSIGNMENT;
import static org.tandem.jooq.Tables.MODULE_VERSION;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.Step;
import org.tandem.workbook.WorkbookJson;

/**
 * The workbook side of a demo couple's history, written straight to the tables like the rest of the
 * demo: five assignments in every state (reviewed with feedback, submitted, in progress, not started),
 * private and shared answers, a mutual-reveal step both partners have submitted, and tracked goals
 * with progress updates and milestones. Built-in modules only, so every clinic's demo looks the same.
 */
final class DemoWorkbook {

    private static final List<String> REVIEWED = List.of("talk-weekly-check-in", "rituals-daily-touchpoints",
            "boundaries-early-and-kind", "reflect-how-i-reach-for-closeness");
    private static final List<String> IN_PROGRESS = List.of("time-plan-our-week", "talk-listen-and-say-it-back",
            "reflect-where-i-lose-myself");
    private static final List<String> NOT_STARTED = List.of("vulnerability-at-your-own-pace",
            "friends-keeping-friendships-alive", "growth-something-of-my-own");

    private static final List<String> WORDS_ONE = List.of(
            "A slow Saturday morning with coffee and nobody needing anything from me.",
            "When we talk about our day without our phones on the table, I feel we are on the same side.",
            "I get quiet when I'm overwhelmed. It isn't about you, even though I know it can feel that way.",
            "I'd like us to keep Thursday evenings for just the two of us, even if it's only a walk.",
            "Honestly, I lose track of my friends when work is busy, and then I lean on you for everything.",
            "I noticed I say \"fine\" when I mean \"I need a minute\". I want to try saying the second one.",
            "The way you make tea for me without asking. It still gets me every time.",
            "I want to ask for time together before I feel lonely, not after.");
    private static final List<String> WORDS_TWO = List.of(
            "Time outside on my own, a long run or a bike ride, and then coming home to you.",
            "I feel close when you ask a second question about my day, not just the first one.",
            "I need a little warning before plans change. Then I can be flexible, I promise.",
            "I'd love one evening a week that is mine for climbing, and one that is ours.",
            "I miss my sister's family. I'd like to see them more, sometimes with you and sometimes alone.",
            "When you go quiet I fill the silence with worry. It helps when you tell me it's tiredness.",
            "You laugh at my terrible jokes, and you remember the small things I tell you.",
            "I want to say no to extra work on weekends so that Sunday stays ours.");
    private static final List<String> FEEDBACK_STEP = List.of(
            "Thank you for writing this so honestly. Let's start from this sentence next session.",
            "This is a really clear request. Notice how specific it is: that's what makes it easy to say yes to.",
            "I can hear how much this matters to you. We'll come back to it together.");
    private static final List<String> FEEDBACK_WHOLE = List.of(
            "Lovely work on this module. You both named needs without blame, which is exactly the skill we're practising.",
            "Thank you both. Your answers show a lot more overlap than you expected — worth celebrating.",
            "Good, careful work. Keep the weekly conversation short and kind, as you described.");

    private final DSLContext dsl;
    private final ZoneId zone;
    private final LocalDate today;

    DemoWorkbook(DSLContext dsl, ZoneId zone, LocalDate today) {
        this.dsl = dsl;
        this.zone = zone;
        this.today = today;
    }

    void write(DemoHistory.Couple couple) {
        if (couple.status().equals("INTAKE")) {
            return; // no history yet: their workbook starts empty
        }
        LocalDate anchor = switch (couple.status()) {
            case "PAUSED" -> today.minusWeeks(5);
            case "CLOSED" -> today.minusWeeks(8);
            default -> today;
        };
        int index = couple.index();
        long one = couple.one().id();
        long two = couple.two().id();

        // Reviewed, with feedback; partner one shares one answer; the mutual-reveal step is revealed to both.
        Given reviewed = assign(couple, REVIEWED.get(index % REVIEWED.size()), anchor.minusWeeks(9), "SEPARATE",
                "Try this before our next session — there are no wrong answers.");
        long oneWork = work(reviewed, couple, one, anchor.minusWeeks(8), Set.of(firstPrompt(reviewed.content())));
        long twoWork = work(reviewed, couple, two, anchor.minusWeeks(8).plusDays(2), Set.of());
        feedback(couple, oneWork, firstPrompt(reviewed.content()), FEEDBACK_STEP.get(index % FEEDBACK_STEP.size()),
                anchor.minusWeeks(7));
        feedback(couple, twoWork, null, FEEDBACK_WHOLE.get(index % FEEDBACK_WHOLE.size()), anchor.minusWeeks(7));
        feedback(couple, oneWork, null, FEEDBACK_WHOLE.get(index % FEEDBACK_WHOLE.size()), anchor.minusWeeks(7));
        reviewed(reviewed, couple, anchor.minusWeeks(7));

        // Reviewed: each partner's own goal, one kept private and one shared, tracked since.
        Given ownGoals = assign(couple, "goals-a-goal-of-my-own", anchor.minusWeeks(7), "SEPARATE", null);
        long oneGoals = work(ownGoals, couple, one, anchor.minusWeeks(6), Set.of());
        long twoGoals = work(ownGoals, couple, two, anchor.minusWeeks(6), Set.of("my-goal"));
        reviewed(ownGoals, couple, anchor.minusWeeks(5));
        goal(couple, one, false, goalOf(ownGoals, oneGoals), oneGoals, anchor.minusWeeks(6), 30 + index % 4 * 10, 1);
        goal(couple, two, true, goalOf(ownGoals, twoGoals), twoGoals, anchor.minusWeeks(6), 50 + index % 3 * 10, 2);

        // Submitted, not yet reviewed: the couple's shared goal, its answers revealed to each other.
        Given sharedGoal = assign(couple, "goals-a-goal-we-share", anchor.minusWeeks(3), "SEPARATE", null);
        long oneShared = work(sharedGoal, couple, one, anchor.minusWeeks(2), Set.of());
        work(sharedGoal, couple, two, anchor.minusWeeks(2).plusDays(1), Set.of());
        goal(couple, null, true, goalOf(sharedGoal, oneShared), oneShared, anchor.minusWeeks(2), 20, 1);

        // In progress: partner one has begun (privately), partner two has not; overdue for some couples.
        Given started = assign(couple, IN_PROGRESS.get(index % IN_PROGRESS.size()),
                anchor.minusDays(index % 3 == 0 ? 16 : 6), "SEPARATE", "Take your time with this one.");
        draft(started, couple, one, anchor.minusDays(2));
        emptyWork(started, couple, two);
        setDue(started, index % 3 == 0 ? anchor.minusDays(2) : anchor.plusDays(8));

        // Not started.
        Given fresh = assign(couple, NOT_STARTED.get(index % NOT_STARTED.size()), anchor.minusDays(1), "SEPARATE",
                null);
        emptyWork(fresh, couple, one);
        emptyWork(fresh, couple, two);
        setDue(fresh, anchor.plusDays(12));
    }

    private record Given(long assignmentId, ModuleContent content) {}

    private Given assign(DemoHistory.Couple couple, String builtIn, LocalDate day, String mode, @Nullable String note) {
        var version = dsl.select(MODULE_VERSION.ID, MODULE_VERSION.CONTENT)
                .from(MODULE_VERSION).join(MODULE).on(MODULE.ID.eq(MODULE_VERSION.MODULE_ID))
                .where(MODULE.BUILTIN_KEY.eq(builtIn))
                .orderBy(MODULE_VERSION.NUMBER.desc()).limit(1)
                .fetchSingle();
        long id = dsl.insertInto(MODULE_ASSIGNMENT)
                .set(MODULE_ASSIGNMENT.CLINIC_ID, couple.clinicId())
                .set(MODULE_ASSIGNMENT.COUPLE_ID, couple.id())
                .set(MODULE_ASSIGNMENT.MODULE_VERSION_ID, version.value1())
                .set(MODULE_ASSIGNMENT.MODE, mode)
                .set(MODULE_ASSIGNMENT.DUE_ON, day.plusDays(10))
                .set(MODULE_ASSIGNMENT.NOTE, note)
                .set(MODULE_ASSIGNMENT.ASSIGNED_BY, couple.therapistId())
                .set(MODULE_ASSIGNMENT.ASSIGNED_AT, at(day, LocalTime.of(17, 0)))
                .returning(MODULE_ASSIGNMENT.ID).fetchSingle(MODULE_ASSIGNMENT.ID);
        return new Given(id, WorkbookJson.content(version.value2().data()));
    }

    private void setDue(Given given, LocalDate due) {
        dsl.update(MODULE_ASSIGNMENT).set(MODULE_ASSIGNMENT.DUE_ON, due)
                .where(MODULE_ASSIGNMENT.ID.eq(given.assignmentId())).execute();
    }

    private void reviewed(Given given, DemoHistory.Couple couple, LocalDate day) {
        dsl.update(MODULE_ASSIGNMENT)
                .set(MODULE_ASSIGNMENT.REVIEWED_AT, at(day, LocalTime.of(18, 30)))
                .set(MODULE_ASSIGNMENT.REVIEWED_BY, couple.therapistId())
                .where(MODULE_ASSIGNMENT.ID.eq(given.assignmentId())).execute();
    }

    /** A partner's submitted answers to every step; {@code sharedSteps} are shared with the other partner. */
    private long work(Given given, DemoHistory.Couple couple, long partnerId, LocalDate submitted,
            Set<String> sharedSteps) {
        long account = accountOf(couple, partnerId);
        long work = insertWork(given, couple, partnerId, at(submitted.minusDays(2), LocalTime.of(20, 0)),
                at(submitted, LocalTime.of(21, 15)), account);
        int seed = couple.index() + (partnerId == couple.one().id() ? 0 : 3);
        for (Step step : given.content().steps()) {
            if (step.answerable()) {
                answer(couple, work, step, sample(step, partnerId == couple.one().id(), seed++),
                        sharedSteps.contains(step.id()), account, submitted);
            }
        }
        return work;
    }

    /** The first half of the steps answered, privately, not submitted. */
    private void draft(Given given, DemoHistory.Couple couple, long partnerId, LocalDate day) {
        long account = accountOf(couple, partnerId);
        long work = insertWork(given, couple, partnerId, at(day, LocalTime.of(21, 0)), null, account);
        List<Step> answerable = given.content().steps().stream().filter(Step::answerable).toList();
        int seed = couple.index();
        for (Step step : answerable.subList(0, Math.max(1, answerable.size() / 2))) {
            answer(couple, work, step, sample(step, partnerId == couple.one().id(), seed++), false, account, day);
        }
    }

    private void emptyWork(Given given, DemoHistory.Couple couple, long partnerId) {
        insertWork(given, couple, partnerId, null, null, null);
    }

    private long insertWork(Given given, DemoHistory.Couple couple, long partnerId, @Nullable OffsetDateTime started,
            @Nullable OffsetDateTime submitted, @Nullable Long submittedBy) {
        return dsl.insertInto(ASSIGNMENT_WORK)
                .set(ASSIGNMENT_WORK.CLINIC_ID, couple.clinicId())
                .set(ASSIGNMENT_WORK.ASSIGNMENT_ID, given.assignmentId())
                .set(ASSIGNMENT_WORK.PARTNER_ID, partnerId)
                .set(ASSIGNMENT_WORK.STARTED_AT, started)
                .set(ASSIGNMENT_WORK.SUBMITTED_AT, submitted)
                .set(ASSIGNMENT_WORK.SUBMITTED_BY, submitted == null ? null : submittedBy)
                .returning(ASSIGNMENT_WORK.ID).fetchSingle(ASSIGNMENT_WORK.ID);
    }

    private void answer(DemoHistory.Couple couple, long work, Step step, AnswerValue value, boolean shared,
            long account, LocalDate day) {
        dsl.insertInto(ANSWER)
                .set(ANSWER.CLINIC_ID, couple.clinicId())
                .set(ANSWER.WORK_ID, work)
                .set(ANSWER.STEP_ID, step.id())
                .set(ANSWER.VALUE, JSONB.valueOf(WorkbookJson.write(value)))
                .set(ANSWER.FILLED, true)
                .set(ANSWER.SHARED, shared)
                .set(ANSWER.UPDATED_BY, account)
                .set(ANSWER.UPDATED_AT, at(day, LocalTime.of(20, 30)))
                .set(ANSWER.VERSION, 1)
                .execute();
    }

    private void feedback(DemoHistory.Couple couple, long work, @Nullable String stepId, String body, LocalDate day) {
        dsl.insertInto(FEEDBACK)
                .set(FEEDBACK.CLINIC_ID, couple.clinicId())
                .set(FEEDBACK.WORK_ID, work)
                .set(FEEDBACK.STEP_ID, stepId)
                .set(FEEDBACK.BODY, body)
                .set(FEEDBACK.CREATED_BY, couple.therapistId())
                .set(FEEDBACK.CREATED_AT, at(day, LocalTime.of(18, 0)))
                .execute();
    }

    private AnswerValue.GoalValue goalOf(Given given, long work) {
        String stepId = given.content().steps().stream().filter(step -> step instanceof Step.Goal).findFirst()
                .orElseThrow().id();
        return (AnswerValue.GoalValue) WorkbookJson.answer(dsl.select(ANSWER.VALUE).from(ANSWER)
                .where(ANSWER.WORK_ID.eq(work), ANSWER.STEP_ID.eq(stepId)).fetchSingle(ANSWER.VALUE).data());
    }

    /** A tracked goal born from a goal step, with milestones (the first {@code reached} of them reached) and updates. */
    private void goal(DemoHistory.Couple couple, @Nullable Long owner, boolean shared, AnswerValue.GoalValue from,
            long work, LocalDate set, int progress, int reached) {
        String stepId = dsl.select(ANSWER.STEP_ID).from(ANSWER)
                .where(ANSWER.WORK_ID.eq(work), ANSWER.VALUE.cast(String.class).like("%\"GOAL\"%"))
                .limit(1).fetchSingle(ANSWER.STEP_ID);
        long createdBy = owner == null ? accountOf(couple, couple.one().id()) : accountOf(couple, owner);
        long goal = dsl.insertInto(GOAL)
                .set(GOAL.CLINIC_ID, couple.clinicId())
                .set(GOAL.COUPLE_ID, couple.id())
                .set(GOAL.OWNER_PARTNER_ID, owner)
                .set(GOAL.SHARED, shared)
                .set(GOAL.WHAT, from.what())
                .set(GOAL.WHY, from.why())
                .set(GOAL.FIRST_STEP, from.firstStep())
                .set(GOAL.TARGET_ON, from.targetOn())
                .set(GOAL.PROGRESS, progress)
                .set(GOAL.SOURCE_WORK_ID, work)
                .set(GOAL.SOURCE_STEP_ID, stepId)
                .set(GOAL.CREATED_BY, createdBy)
                .set(GOAL.CREATED_AT, at(set, LocalTime.of(21, 20)))
                .returning(GOAL.ID).fetchSingle(GOAL.ID);
        List<String> milestones = List.of("Talk it through and pick a start date", "Do it for the first time",
                "Keep it up for four weeks", "Look back together on how it went");
        for (int position = 0; position < milestones.size(); position++) {
            boolean done = position < reached;
            dsl.insertInto(GOAL_MILESTONE)
                    .set(GOAL_MILESTONE.CLINIC_ID, couple.clinicId())
                    .set(GOAL_MILESTONE.GOAL_ID, goal)
                    .set(GOAL_MILESTONE.TITLE, milestones.get(position))
                    .set(GOAL_MILESTONE.POSITION, position + 1)
                    .set(GOAL_MILESTONE.REACHED_AT, done ? at(set.plusWeeks(position + 1L), LocalTime.of(19, 0)) : null)
                    .set(GOAL_MILESTONE.REACHED_BY, done ? createdBy : null)
                    .execute();
        }
        List<String> updates = List.of("Made a start this week. Harder than I thought, but it felt good.",
                "Kept to it twice. Missed once because of work, and that's OK.");
        for (int number = 0; number < updates.size(); number++) {
            dsl.insertInto(GOAL_UPDATE)
                    .set(GOAL_UPDATE.CLINIC_ID, couple.clinicId())
                    .set(GOAL_UPDATE.GOAL_ID, goal)
                    .set(GOAL_UPDATE.BODY, updates.get(number))
                    .set(GOAL_UPDATE.PROGRESS, progress * (number + 1) / updates.size())
                    .set(GOAL_UPDATE.CREATED_BY, createdBy)
                    // days after the goal was set, so that both lie in the past even for a goal set two weeks ago
                    .set(GOAL_UPDATE.CREATED_AT, at(set.plusDays(3 + 4L * number), LocalTime.of(20, 0)))
                    .execute();
        }
    }

    /** A believable answer of the step's kind, varied by partner and seed. */
    private AnswerValue sample(Step step, boolean partnerOne, int seed) {
        List<String> words = partnerOne ? WORDS_ONE : WORDS_TWO;
        return switch (step) {
            case Step.Reading reading -> throw new IllegalArgumentException("A reading takes no answer");
            case Step.Prompt prompt -> new AnswerValue.Text(words.get(Math.floorMod(seed, words.size())));
            case Step.Scale scale -> new AnswerValue.Rating(
                    Math.min(scale.max(), scale.min() + Math.floorMod(seed * 3 + (partnerOne ? 2 : 5), scale.max() - scale.min() + 1)));
            case Step.Choice choice -> new AnswerValue.Choices(choice.multiple()
                    ? List.of(Math.floorMod(seed, choice.options().size()), Math.floorMod(seed + 2, choice.options().size()))
                    : List.of(Math.floorMod(seed, choice.options().size())));
            case Step.Goal goal -> partnerOne
                    ? new AnswerValue.GoalValue("Go back to my Thursday pottery class",
                            "It's the one place I feel entirely like myself, and I come home lighter.",
                            "Email the studio about the spring term", today.plusMonths(2), goal.scope())
                    : new AnswerValue.GoalValue("Run a 10 km race in the spring",
                            "Training gives my week a shape, and I'd love you at the finish line.",
                            "Three short runs this week", today.plusMonths(3), goal.scope());
            case Step.WeeklyPlan plan -> new AnswerValue.Plan(partnerOne
                    ? List.of(new AnswerValue.Slot(DayOfWeek.TUESDAY, LocalTime.of(19, 0), LocalTime.of(21, 0),
                                    AnswerValue.SlotKind.PERSONAL, "Pottery class"),
                            new AnswerValue.Slot(DayOfWeek.FRIDAY, LocalTime.of(19, 30), LocalTime.of(22, 0),
                                    AnswerValue.SlotKind.COUPLE, "Dinner, phones away"))
                    : List.of(new AnswerValue.Slot(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(10, 0),
                                    AnswerValue.SlotKind.PERSONAL, "Long run"),
                            new AnswerValue.Slot(DayOfWeek.SUNDAY, LocalTime.of(11, 0), LocalTime.of(14, 0),
                                    AnswerValue.SlotKind.COUPLE, "Walk and lunch out")));
            case Step.Checklist checklist -> {
                List<Integer> ticked = new ArrayList<>();
                for (int item = 0; item < checklist.items().size(); item++) {
                    if ((item + seed) % 3 != 0) {
                        ticked.add(item);
                    }
                }
                yield new AnswerValue.Ticks(ticked);
            }
        };
    }

    private static String firstPrompt(ModuleContent content) {
        return content.steps().stream().filter(step -> step instanceof Step.Prompt && !step.mutualReveal())
                .findFirst().orElseThrow().id();
    }

    private long accountOf(DemoHistory.Couple couple, long partnerId) {
        Long account = dsl.select(org.tandem.jooq.Tables.PARTNER.ACCOUNT_ID).from(org.tandem.jooq.Tables.PARTNER)
                .where(org.tandem.jooq.Tables.PARTNER.ID.eq(partnerId))
                .fetchOne(org.tandem.jooq.Tables.PARTNER.ACCOUNT_ID);
        // Partners who cannot sign in still answered on paper in the demo story; the therapist entered it.
        return account != null ? account : couple.therapistId();
    }

    private OffsetDateTime at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toOffsetDateTime();
    }
}
