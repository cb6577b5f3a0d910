package org.tandem.workbook;

import org.springframework.security.access.AccessDeniedException;

/**
 * A built-in module cannot be edited or published; duplicate it into the clinic's library instead.
 * An access refusal (and audited as one), with its own type so that a view can say why.
 */
public class ModuleReadOnlyException extends AccessDeniedException {

    private final long moduleId;

    public ModuleReadOnlyException(long moduleId) {
        super("Module " + moduleId + " is a built-in module and read-only; duplicate it to edit a copy");
        this.moduleId = moduleId;
    }

    public long moduleId() {
        return moduleId;
    }
}
