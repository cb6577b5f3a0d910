package org.tandem.workbook;

/** The answer does not fit its step (too long, out of range...); nothing was saved. */
public class AnswerRejectedException extends RuntimeException {

    private final String problem;

    public AnswerRejectedException(String stepId, String problem) {
        super("Answer to step " + stepId + " refused: " + problem);
        this.problem = problem;
    }

    /** The message key under {@code workbook.answer.problem.}. */
    public String problem() {
        return problem;
    }
}
