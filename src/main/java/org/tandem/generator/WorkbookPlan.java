package org.tandem.generator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.tandem.workbook.AnswerValue;
import org.tandem.workbook.GoalScope;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.Step;
import org.tandem.workbook.WorkbookJson;

/**
 * The workbook side of the generated couples, decided in Java and written as two small tables that the set-based
 * statements join: {@code gen_step_value} (for every built-in module's answerable step, {@link #VARIANTS} valid
 * answers of its kind) and {@code gen_plan} (for each starting module, the list of assignments that gives a couple
 * exactly the wanted number of answers: reviewed and submitted ones answered in full by both partners, one in
 * progress answered in part, one not started).
 */
final class WorkbookPlan {

    static final int VARIANTS = 3;

    /** An assignment's state in a couple's history. */
    enum Kind { REVIEWED, SUBMITTED, IN_PROGRESS, NOT_STARTED }

    private record Module(long versionId, List<Step> answerable) {}

    private record Planned(int offset, int seq, long versionId, Kind kind, int one, int two) {}

    private final List<Module> modules;

    private WorkbookPlan(List<Module> modules) {
        this.modules = modules;
    }

    /** The latest version of every built-in module (BuiltInModules publishes them at startup), in key order. */
    static WorkbookPlan read(Connection connection) throws SQLException {
        List<Module> modules = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select distinct on (m.id) mv.id, mv.content::text
                        from module m join module_version mv on mv.module_id = m.id
                        where m.builtin_key is not null
                        order by m.id, mv.number desc""")) {
            while (rows.next()) {
                ModuleContent content = WorkbookJson.content(rows.getString(2));
                List<Step> answerable = content.steps().stream().filter(Step::answerable).toList();
                if (!answerable.isEmpty()) {
                    modules.add(new Module(rows.getLong(1), answerable));
                }
            }
        }
        if (modules.isEmpty()) {
            throw new IllegalStateException("No built-in workbook modules: the generator assigns them");
        }
        return new WorkbookPlan(modules);
    }

    /** How many plans there are: a couple takes plan {@code couple ordinal % offsets()}. */
    int offsets() {
        return modules.size();
    }

    /** Writes {@code gen_step_value} and {@code gen_plan} (temporary, dropped at commit). */
    void write(Connection connection, int answersPerCouple, LocalDate today) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    create temp table gen_step_value (mv_id bigint, step_no int, variant int, step_id text,
                        value jsonb) on commit drop""");
            statement.execute("""
                    create temp table gen_plan (o int, seq int, mv_id bigint, kind text, n1 int, n2 int, f int)
                        on commit drop""");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into gen_step_value values (?, ?, ?, ?, ?::jsonb)")) {
            for (Module module : modules) {
                for (int stepNo = 0; stepNo < module.answerable().size(); stepNo++) {
                    Step step = module.answerable().get(stepNo);
                    for (int variant = 0; variant < VARIANTS; variant++) {
                        insert.setLong(1, module.versionId());
                        insert.setInt(2, stepNo);
                        insert.setInt(3, variant);
                        insert.setString(4, step.id());
                        insert.setString(5, WorkbookJson.write(sample(step, variant, today)));
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into gen_plan values (?, ?, ?, ?, ?, ?, ?)")) {
            for (int offset = 0; offset < modules.size(); offset++) {
                List<Planned> plan = plan(offset, answersPerCouple);
                int full = (int) plan.stream()
                        .filter(p -> p.kind() == Kind.REVIEWED || p.kind() == Kind.SUBMITTED).count();
                for (Planned planned : plan) {
                    insert.setInt(1, planned.offset());
                    insert.setInt(2, planned.seq());
                    insert.setLong(3, planned.versionId());
                    insert.setString(4, planned.kind().name());
                    insert.setInt(5, planned.one());
                    insert.setInt(6, planned.two());
                    insert.setInt(7, full);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /**
     * Modules in turn from {@code offset}, each answered in full by both partners until the next would pass
     * {@code answers}; that one is in progress with the rest, and one more is assigned and not started. The latest
     * full one waits for review.
     */
    private List<Planned> plan(int offset, int answers) {
        List<Planned> plan = new ArrayList<>();
        int total = 0;
        int index = offset;
        while (total < answers) {
            Module module = modules.get(index % modules.size());
            int steps = module.answerable().size();
            if (total + 2 * steps <= answers) {
                plan.add(new Planned(offset, plan.size(), module.versionId(), Kind.REVIEWED, steps, steps));
                total += 2 * steps;
            } else {
                int rest = answers - total;
                int one = Math.min(steps, rest);
                plan.add(new Planned(offset, plan.size(), module.versionId(), Kind.IN_PROGRESS, one, rest - one));
                total = answers;
            }
            index++;
        }
        for (int last = plan.size() - 1; last >= 0; last--) {
            if (plan.get(last).kind() == Kind.REVIEWED) {
                Planned submitted = plan.get(last);
                plan.set(last, new Planned(offset, submitted.seq(), submitted.versionId(), Kind.SUBMITTED,
                        submitted.one(), submitted.two()));
                break;
            }
        }
        plan.add(new Planned(offset, plan.size(), modules.get(index % modules.size()).versionId(), Kind.NOT_STARTED,
                0, 0));
        return plan;
    }

    private static final List<String> TEXTS = List.of(
            "Mostly in the evenings, when we are both tired. I want to notice it earlier and say what I need.",
            "When we cook together on Sundays it feels easy. I would like more of that and less planning on the phone.",
            "I think I pull back when I feel criticised. Writing it down helps me see that it is not the whole story.");

    /** A valid answer of the step's kind; {@code variant} varies it. */
    private static AnswerValue sample(Step step, int variant, LocalDate today) {
        return switch (step) {
            case Step.Reading reading -> throw new IllegalArgumentException("A reading takes no answer");
            case Step.Prompt prompt -> new AnswerValue.Text(TEXTS.get(variant % TEXTS.size()));
            case Step.Scale scale -> new AnswerValue.Rating(
                    scale.min() + Math.floorMod(variant * 2 + 1, scale.max() - scale.min() + 1));
            case Step.Choice choice -> {
                int size = choice.options().size();
                yield new AnswerValue.Choices(choice.multiple() && size > 1
                        ? List.of(variant % size, (variant + 1) % size) : List.of(variant % size));
            }
            case Step.Goal goal -> new AnswerValue.GoalValue(
                    List.of("An evening a week that is ours", "Time for my own friends", "Talk before we decide")
                            .get(variant),
                    "So that we feel like a team again.", "Put it in the calendar this week.",
                    today.plusWeeks(6L + variant), goal.scope() == null ? GoalScope.INDIVIDUAL : goal.scope());
            case Step.WeeklyPlan plan -> new AnswerValue.Plan(List.of(
                    new AnswerValue.Slot(DayOfWeek.of(1 + variant), LocalTime.of(19, 0), LocalTime.of(21, 0),
                            AnswerValue.SlotKind.PERSONAL, "An evening of my own"),
                    new AnswerValue.Slot(DayOfWeek.FRIDAY, LocalTime.of(19, 30), LocalTime.of(22, 0),
                            AnswerValue.SlotKind.COUPLE, "Dinner together, phones away")));
            case Step.Checklist checklist -> {
                List<Integer> ticked = new ArrayList<>();
                for (int item = 0; item < checklist.items().size(); item++) {
                    if ((item + variant) % 3 != 0) {
                        ticked.add(item);
                    }
                }
                yield new AnswerValue.Ticks(ticked);
            }
        };
    }
}
