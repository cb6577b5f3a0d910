/**
 * Tracked goals: a partner's own goals and the couple's shared goals, with progress updates and milestones.
 * Goals are born from the goal steps of submitted workbook modules ({@code GoalsSubmitted}) or added by a
 * partner or the couple's therapist. Who sees what follows product.md: an individual goal is its owner's
 * and the therapists', and the other partner's only while shared; a couple goal is both partners'; admins
 * never see goals.
 */
@NullMarked
package org.tandem.goals;

import org.jspecify.annotations.NullMarked;
