package org.tandem.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.tandem.performance.DataPathCapture.DataPath;
import org.tandem.performance.DataPathCapture.Volume;
import org.tandem.performance.DataPathCapture.World;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every main screen's data path has plans that stay fast as the tables grow: each SQL statement a path executes is
 * captured with its values and {@code EXPLAIN}ed with sequential scans disabled ({@code enable_seqscan = off}: at a
 * small scale the planner rightly prefers them, so what must be proved is that an index exists for each access).
 * A statement fails the check when its plan still reads one of the tables that grow with the network (check-ins
 * and their answers, sessions and notes, workbook answers, the audit trail: more than 100,000 rows at the issue's
 * scale) in full, by a sequential scan or by a whole-index scan without a condition, or when it skips more than
 * 1,000 rows with OFFSET.
 */
@IntegrationTest
@Import({SqlCapture.Capturing.class, DataPathCapture.class})
class PlanChecksTest {

    /** The tables that pass 100,000 rows at scale 1.0 (issue 15, "The data"). */
    static final Set<String> LARGE = Set.of("check_in", "check_in_answer", "couple_session", "session_note",
            "module_assignment", "assignment_work", "answer", "feedback", "audit_event", "couple_status_change",
            "goal", "goal_update", "notification", "message");
    static final int MAX_OFFSET = 1000;
    private static final Pattern OFFSET = Pattern.compile("(?i)\\boffset\\s+(\\d+)");
    static final Set<String> SCANS = Set.of("Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Index Scan");

    /** Enough for a deep page of the caseload; small enough for {@code verify}. */
    static final Volume SMALL = new Volume(1100, 300, 5, 8, 3, 20_000);

    @Autowired DataPathCapture paths;
    @Autowired SqlCapture capture;
    @Autowired SignIn signIn;
    @Autowired DSLContext dsl;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void no_main_query_scans_a_large_table_in_full_or_skips_more_than_a_thousand_rows() {
        World world = paths.build(SMALL);
        List<String> problems = new ArrayList<>();
        for (DataPath path : paths.paths(world)) {
            capture.start();
            paths.run(path);
            List<SqlCapture.Statement> statements = capture.stop();
            assertThat(statements).as(path.name()).isNotEmpty();
            int explained = 0;
            for (SqlCapture.Statement statement : statements) {
                Matcher offset = OFFSET.matcher(statement.inlined());
                while (offset.find()) {
                    if (Long.parseLong(offset.group(1)) > MAX_OFFSET) {
                        problems.add(path.name() + ": OFFSET " + offset.group(1) + " in " + statement.inlined());
                    }
                }
                if (statement.isSelect()) {
                    for (String scan : fullScans(explain(statement.inlined()))) {
                        problems.add(path.name() + ": " + scan + " in " + statement.inlined());
                    }
                    explained++;
                }
            }
            System.out.printf(Locale.ROOT, "PLAN path=%s statements=%d explained=%d%n", path.name(),
                    statements.size(), explained);
        }
        assertThat(problems).as("plans that read a large table in full or skip too far").isEmpty();
    }

    /** The plan with sequential scans disabled, in this transaction (as the signed-in person, under their clinic). */
    private JsonNode explain(String sql) {
        dsl.execute("set local enable_seqscan = off");
        try {
            String plan = dsl.fetchValue("explain (format json) " + sql).toString();
            return JsonMapper.builder().build().readTree(plan);
        } finally {
            dsl.execute("set local enable_seqscan = on");
        }
    }

    /**
     * The nodes that read a large table in full or a whole clinic of it: a sequential scan; an index scan with no
     * condition; an index scan whose only condition is the clinic, unless a Limit above it stops it early (the audit
     * log's first page walks the clinic's index in order and stops after a page). A clinic-wide bitmap combined with
     * another (BitmapAnd) only narrows that other and is not counted.
     */
    static List<String> fullScans(JsonNode plan) {
        List<String> found = new ArrayList<>();
        walk(plan, "", false, found);
        return found;
    }

    private static void walk(JsonNode node, String parent, boolean underLimit, List<String> found) {
        if (node.isArray()) {
            node.forEach(child -> walk(child, parent, underLimit, found));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String type = node.path("Node Type").asString("");
        String relation = node.path("Relation Name").asString("");
        String index = node.path("Index Name").asString("");
        String condition = node.path("Index Cond").asString("");
        if (Boolean.getBoolean("plan.print") && type.contains("Scan")) {
            System.out.println("PLAN-NODE " + type + " " + relation + " " + index + " cond=" + condition);
        }
        boolean large = LARGE.contains(relation) || LARGE.stream().anyMatch(table -> index.startsWith(table + "_"));
        if (large && SCANS.contains(type)) {
            String problem = null;
            if (type.equals("Seq Scan")) {
                problem = "a sequential scan";
            } else if (condition.isEmpty()) {
                problem = "a whole-index scan";
            } else if (clinicOnly(condition) && !parent.equals("BitmapAnd")
                    && (type.equals("Bitmap Index Scan") || !underLimit)) {
                problem = "a scan of the whole clinic";
            }
            if (problem != null) {
                found.add(problem + " (" + type + " " + relation + " " + index + " " + condition + ")");
            }
        }
        boolean limited = underLimit || type.equals("Limit");
        if (node.has("Plan")) {
            walk(node.path("Plan"), type, limited, found);
        }
        node.path("Plans").forEach(child -> walk(child, type, limited, found));
    }

    /** Whether every part of an index condition compares the clinic only. */
    static boolean clinicOnly(String condition) {
        for (String part : condition.split(" AND ")) {
            if (!part.replaceAll("^[( ]+", "").startsWith("clinic_id ")) {
                return false;
            }
        }
        return true;
    }
}
