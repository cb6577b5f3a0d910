package org.tandem.workbook;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything a partner sees of one assignment, already filtered by privacy: their own answers (or the
 * couple's shared ones in TOGETHER mode), the other partner's answers that they may see, the steps whose
 * other answer waits for their own submission (mutual reveal), and the feedback on their answers.
 *
 * @param partnerAnswers the other partner's visible answers by step id (empty in TOGETHER mode)
 * @param waitingForReveal step ids where the other partner's answer is revealed once this partner submits
 * @param noSecrets the clinic shares every answer written from now on between the partners (shown before they write)
 */
public record MyWork(long assignmentId, long workId, String title, String purpose, ModuleContent content,
        AssignmentMode mode, @Nullable String note, @Nullable LocalDate dueOn, boolean submitted, boolean sharedAll, boolean noSecrets,
        Map<String, Answer> myAnswers, @Nullable String partnerName, Map<String, Answer> partnerAnswers,
        Set<String> waitingForReveal, List<Feedback> feedback) {
}
