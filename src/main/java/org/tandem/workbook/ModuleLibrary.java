package org.tandem.workbook;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The module library of the signed-in therapist's clinic: Tandem's built-in modules (read-only, shared
 * by every clinic) and the clinic's own. Clinic modules are edited as drafts and published as frozen
 * versions; assignments always point at a published version.
 */
@Service
@Validated
@Transactional
public class ModuleLibrary {

    /** Built-in and clinic modules matching a title or purpose text (blank: all), optionally of one category; by category then title. */
    @PreAuthorize("hasRole('THERAPIST')")
    @Transactional(readOnly = true)
    public List<ModuleSummary> search(String text, Category category) {
        throw new UnsupportedOperationException("in progress");
    }

    /** A module's draft for the editor (or, for a built-in, its shipped content). */
    @PreAuthorize("hasRole('THERAPIST')")
    @Transactional(readOnly = true)
    public ModuleDraft draft(long moduleId) {
        throw new UnsupportedOperationException("in progress");
    }

    /** A published version exactly as partners see it (for the preview and the assign dialog). */
    @PreAuthorize("hasRole('THERAPIST')")
    @Transactional(readOnly = true)
    public PublishedModule published(long versionId) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Creates an empty clinic module (a draft, not yet published); returns its id. */
    @PreAuthorize("hasRole('THERAPIST')")
    public long create(String title, Category category) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Copies a module (built-in or clinic) into the clinic's library as a new draft titled "… (copy)"; returns its id. */
    @PreAuthorize("hasRole('THERAPIST')")
    public long duplicate(long moduleId) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Saves a clinic module's draft if nobody saved it since {@code expectedVersion}; otherwise throws
     * {@link ModuleConflictException}. Incomplete content may be saved; only publishing requires it complete.
     * Text over the hard limits is refused with {@link ModuleNotPublishableException}.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public ModuleDraft saveDraft(long moduleId, int expectedVersion, ModuleContent content) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Publishes the draft as the next frozen version, if it has no problems (else
     * {@link ModuleNotPublishableException}) and nobody saved it since {@code expectedVersion}.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public PublishedModule publish(long moduleId, int expectedVersion) {
        throw new UnsupportedOperationException("in progress");
    }
}
