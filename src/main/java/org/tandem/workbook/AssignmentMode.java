package org.tandem.workbook;

/** Each partner answers on their own, or the couple writes one shared set of answers. */
public enum AssignmentMode {
    SEPARATE,
    TOGETHER
}
