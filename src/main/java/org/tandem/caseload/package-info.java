/**
 * The therapist's caseload: one row per couple with what the other features know of it (last and next session,
 * overdue modules, each partner's balance zone and the alerts). It sits above the features it summarises and reads
 * their tables in one query per page; none of them depends on it.
 */
@NullMarked
package org.tandem.caseload;

import org.jspecify.annotations.NullMarked;
