package org.tandem.workbook.ui;

import com.vaadin.flow.component.Component;
import java.util.Set;
import org.tandem.workbook.ModuleContent;

/** Words for what keeps a module from being published, and for an answer that does not fit its step. */
final class ProblemMessages {

    /** Length problems read better when they name what is too short or long; these fields have their own words. */
    private static final Set<String> LENGTH_KEYS = Set.of("required", "too-short", "too-long");
    private static final Set<String> NAMED_FIELDS = Set.of("title", "purpose", "text", "minLabel", "maxLabel");

    private ProblemMessages() {}

    static String of(Component host, ModuleContent.Problem problem) {
        return host.getTranslation(key(problem), problem.args());
    }

    /** The translation key of a problem: its own key, made particular to the field where that reads better. */
    static String key(ModuleContent.Problem problem) {
        String key = "workbook.module.problem." + problem.key();
        return LENGTH_KEYS.contains(problem.key()) && NAMED_FIELDS.contains(problem.field())
                ? key + "." + problem.field() : key;
    }
}
