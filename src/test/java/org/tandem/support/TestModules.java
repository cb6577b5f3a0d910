package org.tandem.support;

import static org.tandem.jooq.Tables.ACCOUNT;
import static org.tandem.jooq.Tables.MODULE;
import static org.tandem.jooq.Tables.MODULE_VERSION;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.tandem.database.TenantScope;
import org.tandem.workbook.Category;
import org.tandem.workbook.GoalScope;
import org.tandem.workbook.ModuleContent;
import org.tandem.workbook.Step;
import org.tandem.workbook.WorkbookJson;

/** Clinic modules published straight into the database, for tests that need one without the editor. */
public final class TestModules {

    private TestModules() {}

    /** A module with one step of each answerable kind; "reveal" is a mutual-reveal prompt. */
    public static ModuleContent everyKind(String title) {
        return new ModuleContent(title, Category.REFLECTIVE_EXERCISES, "A module for tests, with every kind of step.",
                15, List.of(
                        new Step.Reading("intro", "Welcome", "Read this **first**."),
                        new Step.Prompt("feel", "How you feel", "How do you feel this week?", false),
                        new Step.Scale("close", "Closeness", "How close do you feel?", 0, 10, "Far apart", "Very close",
                                false),
                        new Step.Choice("ways", "Ways", "What helps?", true, List.of("Walks", "Talks", "Quiet"), false),
                        new Step.Goal("goal", "A goal", "Set a goal", GoalScope.INDIVIDUAL, false),
                        new Step.WeeklyPlan("week", "Your week", "Plan your week", false),
                        new Step.Checklist("list", "Habits", "Tick what you did", List.of("Hug", "Walk"), false),
                        new Step.Prompt("reveal", "Appreciation", "What do you appreciate in your partner?", true)));
    }

    /** Inserts a clinic module of the clinic of this account, published as version 1; returns the module id. */
    public static long publish(DSLContext dsl, String authorEmail, ModuleContent content) {
        return TenantScope.installation(() -> publishOf(dsl, authorEmail, content));
    }

    private static long publishOf(DSLContext dsl, String authorEmail, ModuleContent content) {
        var author = dsl.select(ACCOUNT.ID, ACCOUNT.CLINIC_ID).from(ACCOUNT).where(ACCOUNT.EMAIL.eq(authorEmail))
                .fetchSingle();
        String json = WorkbookJson.write(content);
        long moduleId = dsl.insertInto(MODULE)
                .set(MODULE.CREATED_AT, TestClock.START_AT)
                .set(MODULE.UPDATED_AT, TestClock.START_AT)
                .set(MODULE.CLINIC_ID, author.value2())
                .set(MODULE.TITLE, content.title())
                .set(MODULE.CATEGORY, content.category())
                .set(MODULE.DRAFT, JSONB.valueOf(json))
                .set(MODULE.CREATED_BY, author.value1())
                .returning(MODULE.ID).fetchSingle(MODULE.ID);
        publishVersion(dsl, moduleId, 1, content);
        return moduleId;
    }

    /** Adds a further published version of a module. */
    public static long publishVersion(DSLContext dsl, long moduleId, int number, ModuleContent content) {
        return TenantScope.installation(() -> publishVersionOf(dsl, moduleId, number, content));
    }

    private static long publishVersionOf(DSLContext dsl, long moduleId, int number, ModuleContent content) {
        String json = WorkbookJson.write(content);
        Long clinicId = dsl.select(MODULE.CLINIC_ID).from(MODULE).where(MODULE.ID.eq(moduleId)).fetchSingle(MODULE.CLINIC_ID);
        return dsl.insertInto(MODULE_VERSION)
                .set(MODULE_VERSION.PUBLISHED_AT, TestClock.START_AT)
                .set(MODULE_VERSION.MODULE_ID, moduleId)
                .set(MODULE_VERSION.CLINIC_ID, clinicId)
                .set(MODULE_VERSION.NUMBER, number)
                .set(MODULE_VERSION.TITLE, content.title())
                .set(MODULE_VERSION.CATEGORY, content.category())
                .set(MODULE_VERSION.CONTENT, JSONB.valueOf(json))
                .set(MODULE_VERSION.CONTENT_HASH, Integer.toHexString(json.hashCode()))
                .returning(MODULE_VERSION.ID).fetchSingle(MODULE_VERSION.ID);
    }
}
