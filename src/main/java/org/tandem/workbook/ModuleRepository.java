package org.tandem.workbook;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.jsonbArrayLength;
import static org.jooq.impl.DSL.jsonbGetAttribute;
import static org.jooq.impl.DSL.jsonbGetAttributeAsText;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.trueCondition;
import static org.tandem.jooq.Tables.MODULE;
import static org.tandem.jooq.Tables.MODULE_VERSION;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record4;
import org.jooq.Records;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.jooq.tables.ModuleVersion;

/**
 * Modules (their drafts) and their frozen versions. A clinic sees the built-in modules (clinic_id null)
 * and its own; every read takes the clinic and applies that rule.
 */
@Repository
class ModuleRepository {

    /** The built-in loader's lock, so that two instances starting at once do not both insert a version. */
    private static final long BUILT_IN_LOCK = 0x7461_6e64_656d_01L;

    private static final ModuleVersion LATEST = MODULE_VERSION.as("latest");

    /** The module's latest published version, if any: one row through the (module_id, number) index. */
    private static final Table<Record4<Long, Integer, JSONB, String>> LATEST_VERSION = lateral(
            select(LATEST.ID, LATEST.NUMBER, LATEST.CONTENT, LATEST.CONTENT_HASH)
                    .from(LATEST)
                    .where(LATEST.MODULE_ID.eq(MODULE.ID))
                    .orderBy(LATEST.NUMBER.desc())
                    .limit(1))
            .as("latest");
    private static final Field<Long> LATEST_ID = latest(LATEST.ID);
    private static final Field<Integer> LATEST_NUMBER = latest(LATEST.NUMBER);

    /**
     * Whether the draft differs from the latest version (false while never published). Both are
     * written from the same canonical JSON, so jsonb equality means equal content (and equal hashes).
     */
    private static final Field<Boolean> CHANGED = DSL.field(LATEST_ID.isNotNull()
            .and(MODULE.DRAFT.ne(latest(LATEST.CONTENT))));

    private static final Field<Boolean> BUILT_IN = DSL.field(MODULE.CLINIC_ID.isNull());

    private static final SortField<Integer> CATEGORY_ORDER = MODULE.CATEGORY.sortAsc(Category.values());

    /** A column of {@link #LATEST_VERSION}: jOOQ's look-up is null only for a column the derived table lacks. */
    private static <T> Field<T> latest(Field<T> column) {
        return Objects.requireNonNull(LATEST_VERSION.field(column));
    }

    private final DSLContext dsl;
    private final Clock clock;

    ModuleRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** SHA-256 (hex) of the canonical JSON of the content: what module_version.content_hash holds. */
    static String contentHash(ModuleContent content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(WorkbookJson.write(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static JSONB json(ModuleContent content) {
        return JSONB.jsonb(WorkbookJson.write(content));
    }

    private static ModuleContent content(JSONB json) {
        return WorkbookJson.content(json.data());
    }

    private static Condition visibleTo(long clinicId) {
        return MODULE.CLINIC_ID.isNull().or(MODULE.CLINIC_ID.eq(clinicId));
    }

    /** The clinic's library: built-in and own modules matching the text (title or purpose) and category. */
    List<ModuleSummary> search(long clinicId, String text, @Nullable Category category) {
        Field<String> purpose = coalesce(jsonbGetAttributeAsText(MODULE.DRAFT, "purpose"), inline(""));
        Condition matches = text.isBlank() ? noCondition()
                : MODULE.TITLE.containsIgnoreCase(text).or(purpose.containsIgnoreCase(text));
        return dsl.select(MODULE.ID, MODULE.TITLE, MODULE.CATEGORY, purpose,
                        coalesce(jsonbGetAttributeAsText(MODULE.DRAFT, "minutes").cast(SQLDataType.INTEGER), inline(0)),
                        BUILT_IN, LATEST_NUMBER, LATEST_ID, CHANGED,
                        coalesce(jsonbArrayLength(jsonbGetAttribute(MODULE.DRAFT, "steps")), inline(0)))
                .from(MODULE)
                .leftJoin(LATEST_VERSION).on(trueCondition())
                .where(visibleTo(clinicId), matches,
                        category == null ? noCondition() : MODULE.CATEGORY.eq(category))
                .orderBy(CATEGORY_ORDER, DSL.lower(MODULE.TITLE), MODULE.ID)
                .fetch(Records.mapping(ModuleSummary::new));
    }

    /** A module of the library (built-in or the clinic's own) with its draft and what was last published. */
    Optional<ModuleDraft> draft(long clinicId, long moduleId) {
        return dsl.select(MODULE.ID, BUILT_IN, MODULE.DRAFT.convertFrom(ModuleRepository::content), MODULE.VERSION,
                        LATEST_NUMBER, LATEST_ID, CHANGED)
                .from(MODULE)
                .leftJoin(LATEST_VERSION).on(trueCondition())
                .where(MODULE.ID.eq(moduleId), visibleTo(clinicId))
                .fetchOptional(Records.mapping(ModuleDraft::new));
    }

    /** A published version, if its module is in this clinic's library. */
    Optional<PublishedModule> published(long clinicId, long versionId) {
        return dsl.select(MODULE_VERSION.ID, MODULE_VERSION.MODULE_ID, MODULE_VERSION.NUMBER,
                        DSL.field(MODULE_VERSION.CLINIC_ID.isNull()),
                        MODULE_VERSION.CONTENT.convertFrom(ModuleRepository::content))
                .from(MODULE_VERSION)
                .where(MODULE_VERSION.ID.eq(versionId),
                        MODULE_VERSION.CLINIC_ID.isNull().or(MODULE_VERSION.CLINIC_ID.eq(clinicId)))
                .fetchOptional(Records.mapping(PublishedModule::new));
    }

    /** The number and hash of a module's latest version. */
    record LatestVersion(long id, int number, String contentHash) {}

    Optional<LatestVersion> latestVersion(long moduleId) {
        return dsl.select(MODULE_VERSION.ID, MODULE_VERSION.NUMBER, MODULE_VERSION.CONTENT_HASH)
                .from(MODULE_VERSION)
                .where(MODULE_VERSION.MODULE_ID.eq(moduleId))
                .orderBy(MODULE_VERSION.NUMBER.desc())
                .limit(1)
                .fetchOptional(Records.mapping(LatestVersion::new));
    }

    /** Title and category are kept beside the draft for searching and sorting the library. */
    private static String titleOf(ModuleContent content) {
        return content.title().strip();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insert(long clinicId, ModuleContent content, long createdBy) {
        return dsl.insertInto(MODULE)
                .set(MODULE.CREATED_AT, OffsetDateTime.now(clock))
                .set(MODULE.UPDATED_AT, OffsetDateTime.now(clock))
                .set(MODULE.CLINIC_ID, clinicId)
                .set(MODULE.TITLE, titleOf(content))
                .set(MODULE.CATEGORY, content.category())
                .set(MODULE.DRAFT, json(content))
                .set(MODULE.CREATED_BY, createdBy)
                .set(MODULE.UPDATED_BY, createdBy)
                .returning(MODULE.ID)
                .fetchSingle().getId();
    }

    /**
     * Replaces a clinic module's draft if it is still at the version the caller read, in one statement
     * so that two racing saves cannot both win. Returns the new version, or empty when it has moved on.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Integer> saveDraft(long clinicId, long moduleId, int expectedVersion, ModuleContent content,
            long updatedBy) {
        return dsl.update(MODULE)
                .set(MODULE.TITLE, titleOf(content))
                .set(MODULE.CATEGORY, content.category())
                .set(MODULE.DRAFT, json(content))
                .set(MODULE.UPDATED_BY, updatedBy)
                .set(MODULE.UPDATED_AT, OffsetDateTime.now(clock))
                .set(MODULE.VERSION, MODULE.VERSION.plus(1))
                .where(MODULE.ID.eq(moduleId), MODULE.CLINIC_ID.eq(clinicId), MODULE.VERSION.eq(expectedVersion))
                .returning(MODULE.VERSION)
                .fetchOptional(MODULE.VERSION);
    }

    /** Holds the clinic module's row until the transaction ends, so that two publishes take turns. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock(long clinicId, long moduleId) {
        dsl.select(MODULE.ID).from(MODULE)
                .where(MODULE.ID.eq(moduleId), MODULE.CLINIC_ID.eq(clinicId))
                .forUpdate()
                .fetch();
    }

    /** Freezes content as the given version of a module (clinic and publisher null for a built-in). */
    @Transactional(propagation = Propagation.MANDATORY)
    long insertVersion(long moduleId, @Nullable Long clinicId, int number, ModuleContent content,
            @Nullable Long publishedBy) {
        return dsl.insertInto(MODULE_VERSION)
                .set(MODULE_VERSION.PUBLISHED_AT, OffsetDateTime.now(clock))
                .set(MODULE_VERSION.MODULE_ID, moduleId)
                .set(MODULE_VERSION.CLINIC_ID, clinicId)
                .set(MODULE_VERSION.NUMBER, number)
                .set(MODULE_VERSION.TITLE, titleOf(content))
                .set(MODULE_VERSION.CATEGORY, content.category())
                .set(MODULE_VERSION.CONTENT, json(content))
                .set(MODULE_VERSION.CONTENT_HASH, contentHash(content))
                .set(MODULE_VERSION.PUBLISHED_BY, publishedBy)
                .returning(MODULE_VERSION.ID)
                .fetchSingle().getId();
    }

    // ---- built-in modules ----

    /** A built-in module as stored: its id and its latest version's number and hash (null when none). */
    record StoredBuiltIn(String key, long moduleId, @Nullable Integer latestNumber, @Nullable String latestHash) {}

    /** Every built-in module by key, in one query. */
    Map<String, StoredBuiltIn> builtIns() {
        return dsl.select(MODULE.BUILTIN_KEY, MODULE.ID, LATEST_NUMBER, latest(LATEST.CONTENT_HASH))
                .from(MODULE)
                .leftJoin(LATEST_VERSION).on(trueCondition())
                .where(MODULE.CLINIC_ID.isNull())
                .fetch(Records.mapping(StoredBuiltIn::new))
                .stream()
                .collect(Collectors.toMap(StoredBuiltIn::key, Function.identity()));
    }

    /** Waits until no other instance is loading built-in modules (released when the transaction ends). */
    @Transactional(propagation = Propagation.MANDATORY)
    void lockBuiltIns() {
        dsl.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.val(BUILT_IN_LOCK))).fetch();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insertBuiltIn(String key, ModuleContent content) {
        return dsl.insertInto(MODULE)
                .set(MODULE.CREATED_AT, OffsetDateTime.now(clock))
                .set(MODULE.UPDATED_AT, OffsetDateTime.now(clock))
                .set(MODULE.BUILTIN_KEY, key)
                .set(MODULE.TITLE, titleOf(content))
                .set(MODULE.CATEGORY, content.category())
                .set(MODULE.DRAFT, json(content))
                .returning(MODULE.ID)
                .fetchSingle().getId();
    }

    /** A built-in's draft always mirrors its shipped content. */
    @Transactional(propagation = Propagation.MANDATORY)
    void updateBuiltIn(long moduleId, ModuleContent content) {
        dsl.update(MODULE)
                .set(MODULE.TITLE, titleOf(content))
                .set(MODULE.CATEGORY, content.category())
                .set(MODULE.DRAFT, json(content))
                .set(MODULE.UPDATED_AT, OffsetDateTime.now(clock))
                .set(MODULE.VERSION, MODULE.VERSION.plus(1))
                .where(MODULE.ID.eq(moduleId), MODULE.CLINIC_ID.isNull())
                .execute();
    }
}
