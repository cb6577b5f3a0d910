package org.tandem.workbook;

/**
 * The answer a tracked goal was born from: one answer set's answer to one goal step.
 *
 * @param coupleGoal the goal is the couple's (the writer set it as a goal for them both), not the writer's own
 */
public record GoalOrigin(long workId, String stepId, boolean coupleGoal) {
}
