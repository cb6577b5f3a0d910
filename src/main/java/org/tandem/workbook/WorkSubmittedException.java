package org.tandem.workbook;

/** The answers were already submitted and are read-only now. */
public class WorkSubmittedException extends RuntimeException {

    public WorkSubmittedException(long workId) {
        super("Answer set " + workId + " is already submitted");
    }
}
