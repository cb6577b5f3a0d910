package org.tandem.workbook;

import java.util.List;

/** The draft has problems that keep it from being published; nothing was published. */
public class ModuleNotPublishableException extends RuntimeException {

    private final transient List<ModuleContent.Problem> problems;

    public ModuleNotPublishableException(List<ModuleContent.Problem> problems) {
        super(problems.size() + " problem(s) keep the module from being published");
        this.problems = List.copyOf(problems);
    }

    public List<ModuleContent.Problem> problems() {
        return problems;
    }
}
