package org.tandem.goals;

import org.jspecify.annotations.Nullable;

/** The facts about a goal that decide who may see and change it. */
record GoalRef(long goalId, long coupleId, @Nullable Long ownerPartnerId, boolean shared) {}
