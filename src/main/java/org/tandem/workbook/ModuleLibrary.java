package org.tandem.workbook;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.tandem.accounts.AuditAction;
import org.tandem.accounts.AuditEvent;
import org.tandem.accounts.AuditEvent.Subject;
import org.tandem.accounts.CurrentUser;
import org.tandem.accounts.StaleVersionException;
import org.tandem.accounts.TandemUser;

/**
 * The module library of the signed-in therapist's clinic: Tandem's built-in modules (read-only, shared
 * by every clinic) and the clinic's own. Clinic modules are edited as drafts and published as frozen
 * versions; assignments always point at a published version.
 *
 * <p>A module of another clinic is refused exactly like one that does not exist (audited, then
 * {@link AccessDeniedException}); a built-in module is refused for editing with an {@link AccessDeniedException} that says so.
 * Reading the library is not clinical data and is not audited; creating, saving and publishing are.
 */
@Service
@Validated
@Transactional
public class ModuleLibrary {

    private final ModuleRepository modules;
    private final ApplicationEventPublisher events;

    ModuleLibrary(ModuleRepository modules, ApplicationEventPublisher events) {
        this.modules = modules;
        this.events = events;
    }

    /** Built-in and clinic modules matching a title or purpose text (blank: all), optionally of one category; by category then title. */
    @PreAuthorize("hasRole('THERAPIST')")
    @Transactional(readOnly = true)
    public List<ModuleSummary> search(@Nullable String text, @Nullable Category category) {
        TandemUser therapist = CurrentUser.require();
        return modules.search(therapist.clinicId(), text == null ? "" : AnswerValue.clean(text).strip(), category);
    }

    /** A module's draft for the editor (or, for a built-in, its shipped content). */
    @PreAuthorize("hasRole('THERAPIST')")
    @Transactional(readOnly = true)
    public ModuleDraft draft(long moduleId) {
        TandemUser therapist = CurrentUser.require();
        return visible(therapist, moduleId);
    }

    /** A published version exactly as partners see it (for the preview and the assign dialog). */
    @PreAuthorize("hasRole('THERAPIST')")
    @Transactional(readOnly = true)
    public PublishedModule published(long versionId) {
        TandemUser therapist = CurrentUser.require();
        return modules.published(therapist.clinicId(), versionId)
                .orElseThrow(() -> refused(therapist, "module version " + versionId));
    }

    /**
     * Creates an empty clinic module (a draft, not yet published); returns its id. A title outside
     * {@value ModuleContent#MIN_TITLE}..{@value ModuleContent#MAX_TITLE} characters or a missing category is
     * refused by {@link NewModule}'s constraints; a title that is too short once its control characters are dropped
     * with {@link ModuleNotPublishableException} naming the field.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public long create(@Valid NewModule module) {
        TandemUser therapist = CurrentUser.require();
        String cleanTitle = AnswerValue.clean(module.title()).strip();
        Category category = module.category();
        List<ModuleContent.Problem> problems = DraftRules.uncreatable(cleanTitle, category);
        if (!problems.isEmpty()) {
            throw new ModuleNotPublishableException(problems);
        }
        long id = modules.insert(therapist.clinicId(), ModuleContent.blank(cleanTitle, category),
                therapist.accountId());
        events.publishEvent(AuditEvent.of(therapist, AuditAction.MODULE_CREATED, Subject.module(id)));
        return id;
    }

    /**
     * Copies a module (built-in or clinic) into the clinic's library as a new draft titled "… (copy)"; returns its id.
     * The copy starts from the latest published version (the draft while never published) and is not published.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public long duplicate(long moduleId) {
        TandemUser therapist = CurrentUser.require();
        ModuleDraft source = visible(therapist, moduleId);
        ModuleContent from = source.publishedVersionId() == null ? source.content()
                : modules.published(therapist.clinicId(), source.publishedVersionId()).orElseThrow().content();
        ModuleContent copy = new ModuleContent(DraftRules.copyTitle(from.title()), from.category(), from.purpose(),
                from.minutes(), from.steps());
        long id = modules.insert(therapist.clinicId(), copy, therapist.accountId());
        events.publishEvent(AuditEvent.of(therapist, AuditAction.MODULE_DUPLICATED, Subject.module(id),
                "copy of module " + moduleId));
        return id;
    }

    /**
     * Saves a clinic module's draft if nobody saved it since {@code expectedVersion}; otherwise throws
     * {@link StaleVersionException}. Incomplete content may be saved; only publishing requires it complete.
     * Text over the hard limits (or a blank title, or no category) is refused with
     * {@link ModuleNotPublishableException}. Control characters other than line feed and tab are dropped.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public ModuleDraft saveDraft(long moduleId, int expectedVersion, ModuleContent content) {
        TandemUser therapist = CurrentUser.require();
        requireEditable(therapist, moduleId);
        ModuleContent cleaned = DraftRules.cleaned(content);
        List<ModuleContent.Problem> problems = DraftRules.unsavable(cleaned);
        if (!problems.isEmpty()) {
            throw new ModuleNotPublishableException(problems);
        }
        Optional<Integer> saved = modules.saveDraft(therapist.clinicId(), moduleId, expectedVersion, cleaned,
                therapist.accountId());
        if (saved.isEmpty()) {
            throw new StaleVersionException("Module " + moduleId, visible(therapist, moduleId));
        }
        events.publishEvent(AuditEvent.of(therapist, AuditAction.MODULE_SAVED, Subject.module(moduleId),
                "draft version " + saved.get()));
        return visible(therapist, moduleId);
    }

    /**
     * Publishes the draft as the next frozen version, if it has no problems (else
     * {@link ModuleNotPublishableException}) and nobody saved it since {@code expectedVersion}. A draft
     * unchanged since the latest version publishes nothing new: that version is returned.
     */
    @PreAuthorize("hasRole('THERAPIST')")
    public PublishedModule publish(long moduleId, int expectedVersion) {
        TandemUser therapist = CurrentUser.require();
        requireEditable(therapist, moduleId);
        modules.lock(therapist.clinicId(), moduleId);
        ModuleDraft draft = visible(therapist, moduleId);
        if (draft.version() != expectedVersion) {
            throw new StaleVersionException("Module " + moduleId, draft);
        }
        List<ModuleContent.Problem> problems = draft.content().problems();
        if (!problems.isEmpty()) {
            throw new ModuleNotPublishableException(problems);
        }
        Optional<ModuleRepository.LatestVersion> latest = modules.latestVersion(moduleId);
        if (latest.isPresent() && latest.get().contentHash().equals(ModuleRepository.contentHash(draft.content()))) {
            return modules.published(therapist.clinicId(), latest.get().id()).orElseThrow();
        }
        int number = latest.map(version -> version.number() + 1).orElse(1);
        long versionId = modules.insertVersion(moduleId, therapist.clinicId(), number, draft.content(),
                therapist.accountId());
        events.publishEvent(AuditEvent.of(therapist, AuditAction.MODULE_PUBLISHED, Subject.module(moduleId),
                "version " + number + " (id " + versionId + ")"));
        return modules.published(therapist.clinicId(), versionId).orElseThrow();
    }

    /** The module, if it is in the therapist's library (built-in or their clinic's); refused otherwise. */
    private ModuleDraft visible(TandemUser therapist, long moduleId) {
        return modules.draft(therapist.clinicId(), moduleId)
                .orElseThrow(() -> refused(therapist, "module " + moduleId));
    }

    /** Refuses unless the module is one of the clinic's own: a built-in is read-only. */
    private void requireEditable(TandemUser therapist, long moduleId) {
        if (visible(therapist, moduleId).builtIn()) {
            events.publishEvent(AuditEvent.denied(therapist, "module " + moduleId, "built-in modules are read-only"));
            throw new AccessDeniedException("Module " + moduleId + " is a built-in module and read-only; duplicate it to edit a copy");
        }
    }

    private AccessDeniedException refused(TandemUser therapist, String what) {
        events.publishEvent(AuditEvent.denied(therapist, what, "not in the clinic's library"));
        return new AccessDeniedException("Not in your library: " + what);
    }
}
