package org.tandem.workbook;

/** Someone (the other partner, in TOGETHER mode, or another tab) saved this answer first; nothing was changed. */
public class AnswerConflictException extends RuntimeException {

    private final transient Answer current;

    public AnswerConflictException(Answer current) {
        super("Answer to step " + current.stepId() + " was changed elsewhere (now version " + current.version() + ")");
        this.current = current;
    }

    public Answer current() {
        return current;
    }
}
