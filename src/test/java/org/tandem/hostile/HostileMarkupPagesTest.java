package org.tandem.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.goals.GoalService;
import org.tandem.goals.MilestoneData;
import org.tandem.messages.MessageService;
import org.tandem.sessions.SessionService;
import org.tandem.support.Fixtures;
import org.tandem.support.Fixtures.Couple;
import org.tandem.support.Fixtures.Person;
import org.tandem.support.IntegrationTest;
import org.tandem.support.SignIn;
import org.tandem.support.TestClock;
import org.tandem.support.TestModules;
import org.tandem.workbook.AssignmentData;
import org.tandem.workbook.AssignmentMode;
import org.tandem.workbook.Category;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.MyWorkbookService;
import org.tandem.workbook.Step;
import org.tandem.workbook.WorkbookService;

/**
 * HTML and script stored through the services in every kind of text a page shows (names, a goal and its milestone,
 * a session note, an assignment note, module text in Markdown, an answer, feedback), then every page that shows them
 * opened browserlessly as each person who sees them (docs/decisions/032-hostile-input.md). No component renders a
 * payload as markup: no {@link Html} component on the page, and every element's {@code innerHTML} (the only way
 * Flow puts markup on a page; Tandem sets it for Markdown alone) holds no tag of a payload, no event handler, and
 * links only to http, https or mailto. The payloads are on the pages as text.
 */
@IntegrationTest
@ViewPackages(packages = "org.tandem")
class HostileMarkupPagesTest extends SpringBrowserlessTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(2)>";
    static final String BOLD = "<b>bold</b>";
    static final String SVG = "<svg onload=alert(3)>";
    static final String IFRAME = "'\"><iframe src=//evil.example>";
    static final String MARKDOWN = "Read " + SCRIPT + " and " + IMG + " then [this](javascript:alert(4)),"
            + " [that](data:text/html,<script>x</script>) and [ok](https://example.org).";

    /** What markup made from a payload would look like. */
    static final Pattern MARKUP = Pattern.compile(
            "<\\s*(script|img|svg|iframe|b|style)\\b|<[a-z][^>]*\\son[a-z]+\\s*=|href\\s*=\\s*\"(?!https?:|mailto:|\")",
            Pattern.CASE_INSENSITIVE);

    @Autowired DSLContext dsl;
    @Autowired Fixtures fixtures;
    @Autowired SignIn signIn;
    @Autowired GoalService goals;
    @Autowired SessionService sessions;
    @Autowired WorkbookService workbook;
    @Autowired MyWorkbookService myWorkbook;
    @Autowired MessageService messages;

    @AfterEach
    void sign_out() {
        signIn.out();
    }

    @Test
    void markup_stored_in_every_kind_of_text_is_shown_as_text_on_every_page() {
        Person[] people = new Person[2];
        Couple[] couples = new Couple[1];
        long[] ids = new long[2];
        fixtures.committed(() -> {
            Fixtures.Clinic clinic = fixtures.clinic("Markup " + BOLD + " Clinic");
            people[0] = fixtures.admin(clinic, "Ada " + IFRAME);
            people[1] = fixtures.therapist(clinic, "Theo " + SVG);
            Couple couple = fixtures.couple(people[1], "Pat " + SCRIPT, IMG, "Pip " + BOLD, null);
            couples[0] = couple;
            String th = people[1].email();
            long goal = fixtures.goal(people[1], couple, "Goal " + SCRIPT + IMG);
            signIn.during(th, () -> goals.addMilestone(goal, new MilestoneData("Step " + SVG)));
            long session = fixtures.session(people[1], couple, TestClock.TODAY.plusDays(2).atTime(10, 0));
            signIn.during(th, () -> sessions.saveNote(session, 0, "Note " + SCRIPT + "\n" + IMG));
            ModuleContent content = new ModuleContent("Module " + BOLD, Category.REFLECTIVE_EXERCISES,
                    "Purpose " + MARKDOWN, 15, List.of(new Step.Reading("intro", "Intro " + SVG, MARKDOWN),
                            new Step.Prompt("feel", "Feel " + IFRAME, MARKDOWN, false)));
            long module = TestModules.publish(dsl, th, content);
            long assignment = signIn.during(th, () -> workbook.assign(couple.id(), module,
                    new AssignmentData(null, "Assignment note " + SCRIPT, AssignmentMode.SEPARATE)));
            long work = signIn.during(couple.one().email(), () -> {
                long id = myWorkbook.myWork(assignment).workId();
                myWorkbook.saveAnswer(id, "feel", 0, new org.tandem.workbook.AnswerValue.Text("Answer " + IMG));
                myWorkbook.submit(id);
                return id;
            });
            signIn.during(th, () -> workbook.giveFeedback(work, "feel", "Feedback " + SCRIPT + BOLD));
            // messages: plain text, links only from http(s) addresses typed in them
            var threads = signIn.during(th, () -> messages.ofCouple(couple.id()));
            signIn.during(couple.one().email(), () -> messages.send(threads.get(0).threadId(),
                    "Message " + SCRIPT + "\n" + MARKDOWN));
            signIn.during(th, () -> messages.send(threads.get(1).threadId(), "Reply " + IMG + " " + IFRAME));
            signIn.during(couple.one().email(), () -> {
                messages.saveDraft(threads.get(0).threadId(), "Draft " + SVG);
                return null;
            });
            ids[0] = module;
            ids[1] = assignment;
        });
        Couple couple = couples[0];
        Map<String, List<String>> pages = new LinkedHashMap<>();
        String c = "couples/" + couple.id();
        pages.put(people[1].email(), List.of("caseload", c, c + "/partners", c + "/goals", c + "/sessions",
                c + "/workbook", c + "/workbook/" + ids[1], "schedule", "library", "library/" + ids[0],
                "library/" + ids[0] + "/edit", c + "/messages"));
        pages.put(couple.one().email(), List.of("", "workbook", "workbook/" + ids[1], "goals", "my-balance",
                "messages"));
        pages.put(people[0].email(), List.of("users", "audit", "assignments", "clinic/settings"));

        List<String> problems = new ArrayList<>();
        int opened = 0;
        int elements = 0;
        int markdownBlocks = 0;
        StringBuilder shownText = new StringBuilder();
        for (Map.Entry<String, List<String>> person : pages.entrySet()) {
            signIn.as(person.getKey());
            for (String route : person.getValue()) {
                navigate(route, Component.class);
                opened++;
                String view = getCurrentView().getClass().getSimpleName();
                if (view.endsWith("ErrorView") || view.equals("AccessDeniedView")) {
                    problems.add(route + " opened " + view);
                }
                if (!$(Html.class).all().isEmpty()) {
                    problems.add(route + " has an Html component");
                }
                List<Element> all = new ArrayList<>();
                $(Component.class).all().forEach(component -> all.add(component.getElement()));
                elements += all.size();
                for (Element element : all) {
                    if (element.isTextNode()) {
                        continue;
                    }
                    String html = element.getProperty("innerHTML");
                    if (html != null && !html.isEmpty()) {
                        markdownBlocks++;
                        if (MARKUP.matcher(html).find()) {
                            problems.add(route + " renders markup: " + abbreviate(html));
                        }
                    }
                    String tag = element.getTag().toLowerCase(Locale.ROOT);
                    if (List.of("script", "iframe", "img", "svg", "style").contains(tag)
                            && element.getOuterHTML().contains("alert(")) {
                        problems.add(route + " has a <" + tag + "> from a payload");
                    }
                }
                all.forEach(element -> shownText.append(element.getText()).append(element.getProperty("label", ""))
                        .append(element.getProperty("value", "")));
            }
            signIn.out();
        }
        System.out.printf("HOSTILE markup: %d pages opened, %d elements checked, %d with innerHTML (Markdown),"
                + " rendered as markup 0%n", opened, elements, markdownBlocks);
        problems.forEach(problem -> System.out.println("HOSTILE markup problem " + problem));
        assertThat(problems).isEmpty();
        assertThat(markdownBlocks).as("module text was shown through the Markdown renderer").isPositive();
        assertThat(shownText.toString()).as("the payloads are shown as text").contains(SCRIPT, IMG, BOLD)
                .contains("Reply " + IMG, "Draft " + SVG); // a message and a kept draft
    }

    private static String abbreviate(String html) {
        return html.length() > 200 ? html.substring(0, 200) + "…" : html;
    }
}
