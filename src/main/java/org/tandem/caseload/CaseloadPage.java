package org.tandem.caseload;

import java.util.List;

/** A page of the caseload and the key to ask for the rows after it ({@code null} when the page is empty). */
public record CaseloadPage(List<CaseloadEntry> entries, @org.jspecify.annotations.Nullable CaseloadKey next) {

    public CaseloadPage {
        entries = List.copyOf(entries);
    }
}
