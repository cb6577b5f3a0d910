package org.tandem.workbook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.database.TenantScope;

/**
 * Puts the built-in module library shipped with Tandem (one JSON file per module, see
 * docs/decisions/008) into the database: a module row per file (clinic_id null, builtin_key = file name),
 * and a new frozen version whenever a file's content changed since the last start.
 *
 * <p>It runs when every singleton is ready, after Flyway (which migrates while the data source's
 * dependants are created) and before the web server starts and before any {@code ApplicationRunner}:
 * so in every profile (prod, tests, development) the built-ins exist before the first request and before
 * the demo loader, which assigns them. Nothing needs an {@code @Order} that a later runner could get wrong.
 * A broken file stops the start with a message naming the file: the library must never be half there.
 */
@Component
class BuiltInModules implements SmartInitializingSingleton {

    static final String LOCATION = "classpath*:org/tandem/workbook/builtin/*.json";
    private static final Pattern KEY = Pattern.compile("[a-z0-9-]{1,80}");
    private static final Logger log = LoggerFactory.getLogger(BuiltInModules.class);

    private final ModuleRepository modules;
    private final TransactionTemplate transaction;
    private final ResourcePatternResolver resources = new PathMatchingResourcePatternResolver(
            BuiltInModules.class.getClassLoader());

    BuiltInModules(ModuleRepository modules, PlatformTransactionManager transactions) {
        this.modules = modules;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** One shipped module file, read and checked. */
    record Shipped(String key, String file, ModuleContent content, String hash) {}

    /** What a load did: how many files were read, and how many modules got a first or a new version. */
    record Loaded(int files, int added, int updated) {}

    @Override
    public void afterSingletonsInstantiated() {
        long started = System.nanoTime();
        Loaded loaded = load(LOCATION);
        log.info("Built-in module library: {} modules, {} new, {} updated ({} ms)", loaded.files(), loaded.added(),
                loaded.updated(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Reads every module file matching the pattern and stores what is new or changed; joins a running transaction. */
    Loaded load(String pattern) {
        List<Shipped> shipped = read(pattern);
        // The built-in modules belong to no clinic: only the installation writes them (decision 029).
        return TenantScope.installation(() -> Objects.requireNonNull(transaction.execute(status -> store(shipped))));
    }

    private Loaded store(List<Shipped> shipped) {
        // The usual start changes nothing: one query, no lock, no write.
        if (stale(shipped, modules.builtIns()).isEmpty()) {
            return new Loaded(shipped.size(), 0, 0);
        }
        modules.lockBuiltIns();
        Map<String, ModuleRepository.StoredBuiltIn> stored = modules.builtIns();
        int added = 0;
        int updated = 0;
        for (Shipped module : stale(shipped, stored)) {
            ModuleRepository.StoredBuiltIn existing = stored.get(module.key());
            if (existing == null) {
                long id = modules.insertBuiltIn(module.key(), module.content());
                modules.insertVersion(id, null, 1, module.content(), null);
                added++;
            } else {
                modules.updateBuiltIn(existing.moduleId(), module.content());
                int number = existing.latestNumber() == null ? 1 : existing.latestNumber() + 1;
                modules.insertVersion(existing.moduleId(), null, number, module.content(), null);
                updated++;
            }
        }
        return new Loaded(shipped.size(), added, updated);
    }

    private static List<Shipped> stale(List<Shipped> shipped, Map<String, ModuleRepository.StoredBuiltIn> stored) {
        return shipped.stream().filter(module -> {
            ModuleRepository.StoredBuiltIn existing = stored.get(module.key());
            return existing == null || !module.hash().equals(existing.latestHash());
        }).toList();
    }

    /** Every file of the pattern, parsed and checked; refuses the lot when one of them is broken. */
    List<Shipped> read(String pattern) {
        Resource[] found;
        try {
            found = resources.getResources(pattern);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the built-in modules at " + pattern, e);
        }
        List<Shipped> shipped = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Resource resource : Arrays.stream(found)
                .sorted(Comparator.comparing(resource -> String.valueOf(resource.getFilename()))).toList()) {
            Shipped module = read(resource);
            if (!keys.add(module.key())) {
                throw new IllegalStateException("Built-in module " + module.file() + " is shipped twice: "
                        + resource.getDescription());
            }
            shipped.add(module);
        }
        return List.copyOf(shipped);
    }

    private static Shipped read(Resource resource) {
        String file = String.valueOf(resource.getFilename());
        String key = file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
        if (!KEY.matcher(key).matches()) {
            throw new IllegalStateException("Built-in module file " + file
                    + " is misnamed: the name must be lowercase words joined by '-', ending in .json");
        }
        ModuleContent content;
        try {
            content = WorkbookJson.content(resource.getInputStream());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Built-in module file " + file + " cannot be read: " + e.getMessage(), e);
        }
        List<ModuleContent.Problem> problems = content.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Built-in module file " + file + " has problems: " + problems.stream()
                    .map(BuiltInModules::describe).collect(Collectors.joining("; ")));
        }
        return new Shipped(key, file, content, ModuleRepository.contentHash(content));
    }

    private static String describe(ModuleContent.Problem problem) {
        return (problem.stepId() == null ? "" : "step " + problem.stepId() + " ") + problem.field() + ": "
                + problem.key() + (problem.args().length == 0 ? "" : " " + Arrays.toString(problem.args()));
    }
}
