package org.tandem.generator;

import java.time.Duration;
import java.util.List;

/**
 * What one run of {@link NetworkGenerator} wrote: the clinics and therapists it made (for a caseload, the one clinic
 * and therapist it was given) and how many couples, check-ins, workbook answers and audit rows it added.
 */
public record GeneratedNetwork(List<Long> clinicIds, List<Long> therapistAccountIds, long couples, long checkIns,
        long answers, long auditRows, Duration took) {

    public GeneratedNetwork {
        clinicIds = List.copyOf(clinicIds);
        therapistAccountIds = List.copyOf(therapistAccountIds);
    }
}
