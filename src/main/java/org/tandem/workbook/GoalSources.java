package org.tandem.workbook;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.tandem.workbook.WorkbookRepository.SourceRow;

/**
 * Tells the goals feature who may see a goal born from a goal step, by the rules of the answer it came from
 * ({@link AnswerVisibility#goalSource}), read afresh on every call so that a goal is hidden again the moment its
 * answer is. It returns no words of the answers. Its caller has already made sure that the reader may see the
 * couple's goals at all (the couple's therapist, or one of its partners); this only decides between the partners.
 */
@Component
public class GoalSources {

    private final WorkbookRepository workbook;

    GoalSources(WorkbookRepository workbook) {
        this.workbook = workbook;
    }

    /** Each origin's source; an origin whose answer set is not in this clinic is left out. */
    public Map<GoalOrigin, GoalSource> of(long clinicId, Collection<GoalOrigin> origins) {
        if (origins.isEmpty()) {
            return Map.of();
        }
        List<SourceRow> rows = workbook.sources(clinicId, origins.stream().map(GoalOrigin::workId).distinct().toList(),
                origins.stream().map(GoalOrigin::stepId).distinct().toList());
        boolean noSecrets = workbook.noSecrets(clinicId);
        Map<Long, ModuleContent> contents = new HashMap<>();
        Map<GoalOrigin, GoalSource> sources = new LinkedHashMap<>();
        for (GoalOrigin origin : origins) {
            List<SourceRow> ofWork = rows.stream().filter(row -> row.workId() == origin.workId()).toList();
            if (ofWork.isEmpty()) {
                continue;
            }
            SourceRow work = ofWork.getFirst();
            SourceRow answer = ofWork.stream().filter(row -> Objects.equals(row.stepId(), origin.stepId())).findFirst()
                    .orElse(null);
            ModuleContent content = contents.computeIfAbsent(work.versionId(), workbook::content);
            Step step = content.hasStep(origin.stepId()) ? content.step(origin.stepId()) : null;
            sources.put(origin, AnswerVisibility.goalSource(work.partnerId(), step, origin.coupleGoal(),
                    answer != null && answer.answerShared(), work.workShared(), noSecrets, work.submitted(),
                    work.otherSubmitted()));
        }
        return sources;
    }
}
