package org.tandem.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the alert rules look at for one couple, gathered by the caller.
 *
 * @param partners     both partners, each with their check-ins oldest first
 * @param divergences  the couple's divergence per session, oldest first ({@code null} when not both scored)
 * @param upcoming     scheduled sessions that have not begun, with the partners who checked in within the 48 hours
 *                     before each
 * @param overdue      assignments past their due date (the workbook decides that; see WorkbookService)
 */
public record AlertFacts(
        List<PartnerHistory> partners,
        List<SessionDivergence> divergences,
        List<ScheduledSession> upcoming,
        List<OverdueAssignment> overdue) {

    public AlertFacts {
        partners = List.copyOf(partners);
        divergences = List.copyOf(divergences);
        upcoming = List.copyOf(upcoming);
        overdue = List.copyOf(overdue);
    }

    public record PartnerHistory(long partnerId, String name, List<CheckInScores> checkIns) {
        public PartnerHistory {
            checkIns = List.copyOf(checkIns);
        }
    }

    public record SessionDivergence(long sessionId, LocalDate date, @Nullable BigDecimal divergence) {}

    public record ScheduledSession(long sessionId, Instant startsAt, Set<Long> checkedIn) {
        public ScheduledSession {
            checkedIn = Set.copyOf(checkedIn);
        }
    }

    public record OverdueAssignment(long assignmentId, String title, LocalDate dueOn) {}
}
