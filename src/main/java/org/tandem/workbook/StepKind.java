package org.tandem.workbook;

/** What a step asks of the partner. */
public enum StepKind {
    READING,
    PROMPT,
    SCALE,
    CHOICE,
    GOAL,
    WEEKLY_PLAN,
    CHECKLIST
}
