package org.tandem.workbook;

/** The draft was saved by someone else since it was opened; nothing was changed. Carries the other save. */
public class ModuleConflictException extends RuntimeException {

    private final transient ModuleDraft current;

    public ModuleConflictException(ModuleDraft current) {
        super("Module " + current.moduleId() + " was changed by someone else (now version " + current.version() + ")");
        this.current = current;
    }

    public ModuleDraft current() {
        return current;
    }
}
