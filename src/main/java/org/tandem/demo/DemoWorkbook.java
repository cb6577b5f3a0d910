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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.tandem.couples.CoupleStatus;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.GoalScope;
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

    private static final List<String> FEEDBACK_STEP = List.of(
            "Thank you for writing this so honestly. Let's start from this sentence next session.",
            "You noticed a lot here. Let's look at this together next time.",
            "I can hear how much this matters to you. We'll come back to it together.");
    /** The therapist's word on the whole of each reviewed module. */
    private static final Map<String, String> FEEDBACK_WHOLE = Map.of(
            "talk-weekly-check-in", "Good, careful work. Keep the weekly conversation short and kind, as you described.",
            "rituals-daily-touchpoints",
            "Thank you both. Your lists overlap more than you expected — that's worth celebrating.",
            "boundaries-early-and-kind",
            "Lovely work on this module. You both named your limits without blame, which is exactly the skill we're practising.",
            "reflect-how-i-reach-for-closeness",
            "Thank you for looking at where your patterns come from. That takes courage; we'll go gently with it.");

    private final DSLContext dsl;
    private final ZoneId zone;
    private final LocalDate today;

    DemoWorkbook(DSLContext dsl, ZoneId zone, LocalDate today) {
        this.dsl = dsl;
        this.zone = zone;
        this.today = today;
    }

    /** How many couples' workbooks are written: the modules, and the answers written for them, go round in turn. */
    private int written;

    void write(DemoHistory.Couple couple) {
        if (couple.status() == CoupleStatus.INTAKE) {
            return; // no history yet: their workbook starts empty
        }
        LocalDate anchor = switch (couple.status()) {
            case PAUSED -> today.minusWeeks(5);
            case CLOSED -> today.minusWeeks(8);
            default -> today;
        };
        int turn = written++;
        DemoHistory.Partner one = couple.one();
        DemoHistory.Partner two = couple.two();

        // Reviewed, with feedback; partner one shares one answer; the mutual-reveal step is revealed to both.
        Given reviewed = assign(couple, REVIEWED.get(turn % REVIEWED.size()), anchor.minusWeeks(9), AssignmentMode.SEPARATE,
                "Try this before our next session — there are no wrong answers.");
        int reviewedAnswers = turn / REVIEWED.size();
        Worked oneWork = work(reviewed, couple, one, anchor.minusWeeks(8), Set.of(firstPrompt(reviewed.content())),
                reviewedAnswers);
        Worked twoWork = work(reviewed, couple, two, anchor.minusWeeks(8).plusDays(2), Set.of(), reviewedAnswers);
        feedback(couple, oneWork.id(), firstPrompt(reviewed.content()), FEEDBACK_STEP.get(turn % FEEDBACK_STEP.size()),
                anchor.minusWeeks(7));
        String wholeModule = Objects.requireNonNull(FEEDBACK_WHOLE.get(reviewed.module()));
        feedback(couple, twoWork.id(), null, wholeModule, anchor.minusWeeks(7));
        feedback(couple, oneWork.id(), null, wholeModule, anchor.minusWeeks(7));
        reviewed(reviewed, couple, anchor.minusWeeks(7));

        // Reviewed: each partner's own goal, one kept private and one shared, tracked since.
        Given ownGoals = assign(couple, "goals-a-goal-of-my-own", anchor.minusWeeks(7), AssignmentMode.SEPARATE, null);
        Worked oneGoals = work(ownGoals, couple, one, anchor.minusWeeks(6), Set.of(), turn);
        Worked twoGoals = work(ownGoals, couple, two, anchor.minusWeeks(6), Set.of("my-goal"), turn);
        reviewed(ownGoals, couple, anchor.minusWeeks(5));
        goal(couple, one, false, oneGoals, anchor.minusWeeks(6), 30 + turn % 4 * 10, 1, turn);
        goal(couple, two, true, twoGoals, anchor.minusWeeks(6), 50 + turn % 3 * 10, 2, turn + 1);

        // Submitted, not yet reviewed: the couple's shared goal, its answers revealed to each other.
        Given sharedGoal = assign(couple, "goals-a-goal-we-share", anchor.minusWeeks(3), AssignmentMode.SEPARATE, null);
        Worked oneShared = work(sharedGoal, couple, one, anchor.minusWeeks(2), Set.of(), turn);
        work(sharedGoal, couple, two, anchor.minusWeeks(2).plusDays(1), Set.of(), turn);
        goal(couple, null, true, oneShared, anchor.minusWeeks(2), 20, 1, turn);

        // In progress: partner one has begun (privately), partner two has not; overdue for some couples.
        Given started = assign(couple, IN_PROGRESS.get(turn % IN_PROGRESS.size()),
                anchor.minusDays(turn % 3 == 0 ? 16 : 6), AssignmentMode.SEPARATE, "Take your time with this one.");
        draft(started, couple, one, anchor.minusDays(2), turn / IN_PROGRESS.size());
        emptyWork(started, couple, two);
        setDue(started, turn % 3 == 0 ? anchor.minusDays(2) : anchor.plusDays(8));

        // Not started.
        Given fresh = assign(couple, NOT_STARTED.get(turn % NOT_STARTED.size()), anchor.minusDays(1), AssignmentMode.SEPARATE,
                null);
        emptyWork(fresh, couple, one);
        emptyWork(fresh, couple, two);
        setDue(fresh, anchor.plusDays(12));
    }

    /** A partner's answer set as written: its id and the answer to each step. */
    private record Worked(long id, Map<String, AnswerValue> answers) {}

    private static DemoAnswers.Writer writer(DemoHistory.Couple couple, DemoHistory.Partner partner) {
        DemoHistory.Partner other = partner == couple.one() ? couple.two() : couple.one();
        return new DemoAnswers.Writer(partner.name(), couple.one().name(), partner == couple.one(),
                partner.calledBy(), other.calledBy());
    }

    private record Given(long assignmentId, String module, ModuleContent content) {}

    private Given assign(DemoHistory.Couple couple, String builtIn, LocalDate day, AssignmentMode mode, @Nullable String note) {
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
                .returning(MODULE_ASSIGNMENT.ID).fetchSingle().getId();
        return new Given(id, builtIn, WorkbookJson.content(version.value2().data()));
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

    /**
     * A partner's submitted answers to every step; {@code sharedSteps} are shared with the other partner.
     * {@code variant} picks among the answers written for the module's prompts (see {@link DemoAnswers}).
     */
    private Worked work(Given given, DemoHistory.Couple couple, DemoHistory.Partner partner, LocalDate submitted,
            Set<String> sharedSteps, int variant) {
        long account = accountOf(couple, partner);
        long work = insertWork(given, couple, partner.id(), at(submitted.minusDays(2), LocalTime.of(20, 0)),
                at(submitted, LocalTime.of(21, 15)), account);
        int seed = couple.index() + (partner == couple.one() ? 0 : 3);
        Map<String, AnswerValue> answers = new LinkedHashMap<>();
        for (Step step : given.content().steps()) {
            if (step.answerable()) {
                answers.put(step.id(), sample(given.module(), step, writer(couple, partner), seed++, variant));
            }
        }
        answers(couple, work, answers, sharedSteps, account, submitted);
        return new Worked(work, answers);
    }

    /** The first half of the steps answered, privately, not submitted. */
    private void draft(Given given, DemoHistory.Couple couple, DemoHistory.Partner partner, LocalDate day,
            int variant) {
        long account = accountOf(couple, partner);
        long work = insertWork(given, couple, partner.id(), at(day, LocalTime.of(21, 0)), null, account);
        List<Step> answerable = given.content().steps().stream().filter(Step::answerable).toList();
        int seed = couple.index();
        Map<String, AnswerValue> answers = new LinkedHashMap<>();
        for (Step step : answerable.subList(0, Math.max(1, answerable.size() / 2))) {
            answers.put(step.id(), sample(given.module(), step, writer(couple, partner), seed++, variant));
        }
        answers(couple, work, answers, Set.of(), account, day);
    }

    private void emptyWork(Given given, DemoHistory.Couple couple, DemoHistory.Partner partner) {
        insertWork(given, couple, partner.id(), null, null, null);
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
                .returning(ASSIGNMENT_WORK.ID).fetchSingle().getId();
    }

    private void answers(DemoHistory.Couple couple, long work, Map<String, AnswerValue> answers,
            Set<String> sharedSteps, long account, LocalDate day) {
        var insert = dsl.insertInto(ANSWER, ANSWER.CLINIC_ID, ANSWER.WORK_ID, ANSWER.STEP_ID, ANSWER.VALUE,
                ANSWER.FILLED, ANSWER.SHARED, ANSWER.UPDATED_BY, ANSWER.UPDATED_AT, ANSWER.VERSION);
        for (var answer : answers.entrySet()) {
            insert = insert.values(couple.clinicId(), work, answer.getKey(),
                    JSONB.valueOf(WorkbookJson.write(answer.getValue())), true, sharedSteps.contains(answer.getKey()),
                    account, at(day, LocalTime.of(20, 30)), 1);
        }
        insert.execute();
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

    /**
     * A tracked goal born from the goal step of an answer set, with milestones (the first {@code reached} of them
     * reached) and two progress updates, picked by {@code turn} from those written.
     */
    private void goal(DemoHistory.Couple couple, DemoHistory.@Nullable Partner owner, boolean shared, Worked from,
            LocalDate set, int progress, int reached, int turn) {
        var step = from.answers().entrySet().stream()
                .filter(answer -> answer.getValue() instanceof AnswerValue.GoalValue).findFirst().orElseThrow();
        AnswerValue.GoalValue value = (AnswerValue.GoalValue) step.getValue();
        DemoHistory.Partner writer = owner == null ? couple.one() : owner;
        long createdBy = accountOf(couple, writer);
        long goal = dsl.insertInto(GOAL)
                .set(GOAL.CLINIC_ID, couple.clinicId())
                .set(GOAL.COUPLE_ID, couple.id())
                .set(GOAL.OWNER_PARTNER_ID, owner == null ? null : owner.id())
                .set(GOAL.SHARED, shared)
                .set(GOAL.WHAT, value.what())
                .set(GOAL.WHY, value.why())
                .set(GOAL.FIRST_STEP, value.firstStep())
                .set(GOAL.TARGET_ON, value.targetOn())
                .set(GOAL.PROGRESS, progress)
                .set(GOAL.SOURCE_WORK_ID, from.id())
                .set(GOAL.SOURCE_STEP_ID, step.getKey())
                .set(GOAL.CREATED_BY, createdBy)
                .set(GOAL.CREATED_AT, at(set, LocalTime.of(21, 20)))
                .returning(GOAL.ID).fetchSingle().getId();
        List<String> milestones = List.of("Talk it through and pick a start date", "Do it for the first time",
                "Keep it up for four weeks", "Look back together on how it went");
        var insertMilestones = dsl.insertInto(GOAL_MILESTONE, GOAL_MILESTONE.CLINIC_ID, GOAL_MILESTONE.GOAL_ID,
                GOAL_MILESTONE.TITLE, GOAL_MILESTONE.POSITION, GOAL_MILESTONE.REACHED_AT, GOAL_MILESTONE.REACHED_BY);
        for (int position = 0; position < milestones.size(); position++) {
            boolean done = position < reached;
            insertMilestones = insertMilestones.values(couple.clinicId(), goal, milestones.get(position), position + 1,
                    done ? at(set.plusWeeks(position + 1L), LocalTime.of(19, 0)) : null, done ? createdBy : null);
        }
        insertMilestones.execute();
        // Days after the goal was set, so that both updates lie in the past even for a goal set two weeks ago.
        List<String> updates = DemoAnswers.written().updates(owner == null, turn, writer(couple, writer));
        var insertUpdates = dsl.insertInto(GOAL_UPDATE, GOAL_UPDATE.CLINIC_ID, GOAL_UPDATE.GOAL_ID, GOAL_UPDATE.BODY,
                GOAL_UPDATE.PROGRESS, GOAL_UPDATE.CREATED_BY, GOAL_UPDATE.CREATED_AT);
        for (int number = 0; number < updates.size(); number++) {
            insertUpdates = insertUpdates.values(couple.clinicId(), goal, updates.get(number),
                    progress * (number + 1) / updates.size(), createdBy,
                    at(set.plusDays(3 + 4L * number), LocalTime.of(20, 0)));
        }
        insertUpdates.execute();
    }

    /**
     * A believable answer of the step's kind: what was written for this prompt, goal or choice (see
     * {@link DemoAnswers}), else a rating, choice or ticks varied by partner and seed.
     */
    private AnswerValue sample(String module, Step step, DemoAnswers.Writer writer, int seed, int variant) {
        DemoAnswers written = DemoAnswers.written();
        return switch (step) {
            case Step.Reading reading -> throw new IllegalArgumentException("A reading takes no answer");
            case Step.Prompt prompt -> new AnswerValue.Text(written.prompt(module, prompt.id(), writer, variant));
            case Step.Scale scale -> new AnswerValue.Rating(Math.min(scale.max(), scale.min()
                    + Math.floorMod(seed * 3 + (writer.partnerOne() ? 2 : 5), scale.max() - scale.min() + 1)));
            case Step.Choice choice -> {
                List<String> ticked = written.ticked(module, choice.id(), writer);
                if (ticked != null) {
                    yield new AnswerValue.Choices(ticked.stream().map(option -> optionOf(choice, option)).toList());
                }
                int size = choice.options().size();
                yield new AnswerValue.Choices(choice.multiple()
                        ? List.of(Math.floorMod(seed, size), Math.floorMod(seed + 2, size))
                        : List.of(Math.floorMod(seed, size)));
            }
            case Step.Goal goal -> {
                DemoAnswers.Goal mine = written.goal(module, goal.id(), writer);
                LocalDate target = goal.scope() == GoalScope.SHARED ? today.plusWeeks(6)
                        : today.plusMonths(writer.partnerOne() ? 2 : 3);
                yield new AnswerValue.GoalValue(mine.what(), mine.why(), mine.firstStep(), target, goal.scope());
            }
            case Step.WeeklyPlan plan -> new AnswerValue.Plan(writer.partnerOne()
                    ? List.of(new AnswerValue.Slot(DayOfWeek.TUESDAY, LocalTime.of(19, 0), LocalTime.of(21, 0),
                                    AnswerValue.SlotKind.PERSONAL, "An evening of my own"),
                            new AnswerValue.Slot(DayOfWeek.FRIDAY, LocalTime.of(19, 30), LocalTime.of(22, 0),
                                    AnswerValue.SlotKind.COUPLE, "Dinner together, phones away"))
                    : List.of(new AnswerValue.Slot(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(10, 0),
                                    AnswerValue.SlotKind.PERSONAL, "A morning to myself"),
                            new AnswerValue.Slot(DayOfWeek.SUNDAY, LocalTime.of(11, 0), LocalTime.of(14, 0),
                                    AnswerValue.SlotKind.COUPLE, "A walk and lunch out")));
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

    private static int optionOf(Step.Choice choice, String option) {
        int index = choice.options().indexOf(option);
        if (index < 0) {
            throw new IllegalStateException("No option '" + option + "' in step " + choice.id());
        }
        return index;
    }

    private static String firstPrompt(ModuleContent content) {
        return content.steps().stream().filter(step -> step instanceof Step.Prompt && !step.mutualReveal())
                .findFirst().orElseThrow().id();
    }

    private static long accountOf(DemoHistory.Couple couple, DemoHistory.Partner partner) {
        // Partners who cannot sign in still answered on paper in the demo story; the therapist entered it.
        return partner.accountId() != null ? partner.accountId() : couple.therapistId();
    }

    private OffsetDateTime at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toOffsetDateTime();
    }
}
