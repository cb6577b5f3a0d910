package org.tandem.workbook;

/** How far one answer set of an assignment has come. */
public enum Progress {
    NOT_STARTED,
    IN_PROGRESS,
    SUBMITTED
}
