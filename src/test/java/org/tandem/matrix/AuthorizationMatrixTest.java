package org.tandem.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.exception.NoDataFoundException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;
import org.tandem.accounts.ReauthenticationRequiredException;
import org.tandem.accounts.RefusedException;
import org.tandem.accounts.Role;
import org.tandem.accounts.StaleVersionException;
import org.tandem.invitations.InvitationRefusedException;
import org.tandem.matrix.MatrixWorld.Actor;
import org.tandem.matrix.MatrixWorld.Ids;
import org.tandem.support.Fixtures;
import org.tandem.support.IntegrationTest;
import org.tandem.support.TestClock;
import org.tandem.support.TestModules;
import org.tandem.workbook.AnswerValue;

/**
 * Every public method of every guarded service (found by reflection) run as each of ten actors, once with the ids of
 * couple C1's records in clinic A and once with the ids of a couple's records in clinic B; the outcome of each cell is
 * declared in {@code authorization-matrix.csv}. A method missing from the table, or a row whose method is gone, fails
 * the build. Every result an actor is allowed is scanned for marker texts that actor must never see (the other
 * partner's private answer, a mutual-reveal goal before both submitted, session notes, another couple's or clinic's
 * names). See docs/decisions/030-authorization-matrix.md.
 */
@IntegrationTest
class AuthorizationMatrixTest {

    static final String TABLE = "src/test/resources/authorization-matrix.csv";

    /** What a cell comes to. DENY and NOT_FOUND are denials; STALE and INVALID got past the access check. */
    enum Outcome { ALLOW, DENY, NOT_FOUND, STALE, INVALID, REAUTH, ERROR }

    @Autowired ApplicationContext context;
    @Autowired MatrixWorld world;

    // ---- the entry points ----

    record Entry(String key, Object bean, Method method) {}

    /** Every public method of every @Service class that @PreAuthorize guards, keyed "Class#method(ParamTypes)". */
    private List<Entry> entries() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
        List<Entry> entries = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.tandem")) {
            Class<?> type = load(candidate.getBeanClassName());
            boolean classGuarded = type.isAnnotationPresent(PreAuthorize.class);
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic()
                        || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                if (classGuarded || AnnotatedElementUtils.hasAnnotation(method, PreAuthorize.class)) {
                    entries.add(new Entry(key(method), context.getBean(type), method));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::key));
        return entries;
    }

    private static Class<?> load(@Nullable String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static String key(Method method) {
        return method.getDeclaringClass().getSimpleName() + "#" + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(","))
                + ")";
    }

    // ---- the arguments ----

    private Object[] arguments(Method method, Ids which) {
        Parameter[] parameters = method.getParameters();
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            values[i] = value(parameters[i].getType(), parameters[i].getName(), which, false);
        }
        return values;
    }

    private @Nullable Object value(Class<?> type, String name, Ids which, boolean inRecord) {
        Map<String, Long> own = world.ids(which);
        if (type == long.class || type == Long.class) {
            Long id = own.get(name);
            if (id == null && inRecord) {
                return -1L; // a record's own number (a subject, a cursor): one that names no row
            }
            if (id == null) {
                throw new IllegalStateException("No id for a parameter named " + name);
            }
            return id;
        }
        if (type == int.class || type == Integer.class) {
            return switch (name) {
                case "offset" -> 0;
                case "limit", "size" -> 20;
                case "position" -> 1;
                case "minutes", "durationMinutes" -> 50;
                case "value" -> 3;
                case "progress" -> 50;
                default -> name.toLowerCase(Locale.ROOT).contains("version") ? 1 : 1;
            };
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type == String.class) {
            return switch (name) {
                case "email" -> "matrix.new." + UUID.randomUUID() + "@fixture.example";
                case "stepId" -> "feel";
                case "token" -> "no-such-token-0000000000000000";
                case "password", "chosen" -> "a-new-matrix-passphrase-2026";
                case "current", "passphrase", "passphraseOrCode" -> Fixtures.PASSWORD;
                case "code", "codeOrRecoveryCode" -> "000000";
                case "search", "text" -> "";
                default -> "Matrix words";
            };
        }
        if (type == Locale.class) {
            return Locale.ENGLISH;
        }
        if (type == LocalDate.class) {
            return TestClock.TODAY.plusDays(7);
        }
        if (type == LocalTime.class) {
            return LocalTime.of(10, 0);
        }
        if (type == OffsetDateTime.class) {
            return TestClock.START_AT;
        }
        if (type == UUID.class) {
            return UUID.nameUUIDFromBytes("matrix".getBytes(StandardCharsets.UTF_8));
        }
        if (type == OutputStream.class) {
            return new ByteArrayOutputStream();
        }
        if (type == List.class || type == java.util.Collection.class) {
            return List.of();
        }
        if (type == Set.class) {
            return name.equals("roles") ? Set.of(Role.THERAPIST) : Set.of();
        }
        if (type == AnswerValue.class) {
            return new AnswerValue.Text("Matrix answer");
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.getName().equals("org.tandem.workbook.ModuleContent")) {
            return TestModules.everyKind("Matrix module");
        }
        if (type.isRecord()) {
            return record(type, which);
        }
        throw new IllegalStateException("No argument of type " + type.getName() + " for " + name);
    }

    /** A record's own constant (NONE, ALL, ENGLISH) when it has one, else one built from its components' names. */
    private Object record(Class<?> type, Ids which) {
        for (var field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == type) {
                try {
                    return field.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getType() == Long.class ? null
                    : value(components[i].getType(), components[i].getName(), which, true);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build a " + type.getName(), e);
        }
    }

    // ---- one cell ----

    record Result(Outcome outcome, String detail, @Nullable Object value) {}

    private Result run(Entry entry, Actor actor, Ids which) {
        Object[] args = arguments(entry.method(), which);
        return world.asActorInCell(actor, () -> {
            try {
                Object value = entry.method().invoke(entry.bean(), args);
                return new Result(Outcome.ALLOW, "", value);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                return new Result(classify(cause), cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                        null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static Outcome classify(Throwable thrown) {
        if (thrown instanceof ReauthenticationRequiredException) {
            return Outcome.REAUTH;
        }
        if (thrown instanceof AuthorizationDeniedException || thrown instanceof AuthenticationException
                || thrown instanceof org.springframework.security.access.AccessDeniedException
                || thrown instanceof RefusedException || thrown instanceof InvitationRefusedException) {
            return Outcome.DENY;
        }
        if (thrown instanceof NoDataFoundException || thrown instanceof java.util.NoSuchElementException) {
            return Outcome.NOT_FOUND;
        }
        if (thrown instanceof StaleVersionException) {
            return Outcome.STALE;
        }
        if (thrown instanceof jakarta.validation.ConstraintViolationException
                || thrown instanceof IllegalArgumentException || thrown instanceof IllegalStateException
                || thrown.getClass().getPackageName().startsWith("org.tandem")) {
            return Outcome.INVALID;
        }
        return Outcome.ERROR;
    }

    // ---- the matrix ----

    @Test
    void every_guarded_service_method_as_every_actor_matches_the_declared_table() throws IOException {
        long started = System.nanoTime();
        world.committed();
        List<Entry> entries = entries();
        MatrixTable declared = MatrixTable.read(TABLE);
        Set<String> enumerated = entries.stream().map(Entry::key).collect(Collectors.toCollection(TreeSet::new));

        Map<String, List<String>> observed = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        int cells = 0;
        int denials = 0;
        int dataChecks = 0;
        int skipped = 0;
        for (Entry entry : entries) {
            if (declared.skipped(entry.key())) {
                observed.put(entry.key(), declared.row(entry.key()));
                skipped++;
                continue;
            }
            List<String> observedRow = new ArrayList<>();
            for (Actor actor : Actor.values()) {
                StringBuilder pair = new StringBuilder();
                boolean namesIds = Arrays.stream(entry.method().getParameters())
                        .anyMatch(parameter -> world.ids(Ids.A).containsKey(parameter.getName()));
                Result once = null;
                for (Ids which : Ids.values()) {
                    // a method that takes no id is the same call with either id set: run once, counted once
                    Result result = once != null ? once : run(entry, actor, which);
                    if (!namesIds) {
                        if (once != null) {
                            pair.append('/').append(result.outcome());
                            continue;
                        }
                        once = result;
                    }
                    cells++;
                    if (result.outcome() == Outcome.DENY || result.outcome() == Outcome.NOT_FOUND) {
                        denials++;
                    }
                    if (result.outcome() == Outcome.ALLOW) {
                        String shown = String.valueOf(result.value());
                        dataChecks += MatrixWorld.forbidden(actor).size();
                        for (String marker : MatrixWorld.forbiddenShown(actor, shown)) {
                            leaks.add(entry.key() + " as " + actor + " with " + which + " ids shows " + marker
                                    + ": " + abbreviate(shown));
                        }
                    }
                    if (result.outcome() == Outcome.ERROR) {
                        mismatches.add(entry.key() + " as " + actor + "/" + which + " failed: " + result.detail());
                    }
                    pair.append(pair.isEmpty() ? "" : "/").append(result.outcome());
                }
                observedRow.add(pair.toString());
            }
            observed.put(entry.key(), observedRow);
            mismatches.addAll(declared.mismatches(entry.key(), observedRow));
        }
        MatrixTable.writeObserved("authorization-matrix.observed.csv", observed);
        System.out.printf("Authorization matrix: %d entry points (%d skipped), %d actors x 2 id sets, %d cells run,"
                + " %d denials proved, %d data-path checks, in %d s%n", entries.size(), skipped,
                Actor.values().length, cells, denials, dataChecks, (System.nanoTime() - started) / 1_000_000_000L);

        leaks.forEach(leak -> System.out.println("LEAK " + leak));
        mismatches.forEach(mismatch -> System.out.println("MISMATCH " + mismatch));
        assertThat(leaks).as("marker texts an actor must never see").isEmpty();
        assertThat(declared.missing(enumerated)).as("entry points not declared in " + TABLE
                + " (see target/authorization-matrix.observed.csv)").isEmpty();
        assertThat(declared.gone(enumerated)).as("rows of " + TABLE + " whose method no longer exists").isEmpty();
        assertThat(mismatches).as("cells that differ from " + TABLE).isEmpty();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
