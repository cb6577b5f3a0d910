package org.tandem.shell;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a live update and the accounts it is for as one short line for the other instances, and reads it back:
 * {@code accounts|record class|component|component…}, each part URL-encoded. Only Tandem's own records of longs,
 * ints, booleans and strings cross (the updates carry ids, never content); a line naming anything else is dropped.
 */
final class UpdateCodec {

    record Told(List<Long> accounts, Object update) {}

    private static final String PACKAGE = "org.tandem.";
    private static final Logger log = LoggerFactory.getLogger(UpdateCodec.class);

    private UpdateCodec() {}

    static Optional<String> encode(List<Long> accounts, Object update) {
        Class<?> type = update.getClass();
        if (!type.isRecord() || !type.getName().startsWith(PACKAGE)
                || !Arrays.stream(type.getRecordComponents()).allMatch(UpdateCodec::crosses)) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        parts.add(accounts.stream().map(String::valueOf).collect(Collectors.joining(",")));
        parts.add(type.getName());
        try {
            for (RecordComponent component : type.getRecordComponents()) {
                parts.add(String.valueOf(component.getAccessor().invoke(update)));
            }
        } catch (ReflectiveOperationException failure) {
            return Optional.empty();
        }
        return Optional.of(parts.stream().map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8))
                .collect(Collectors.joining("|")));
    }

    static Optional<Told> decode(String line) {
        String[] parts = Arrays.stream(line.split("\\|", -1))
                .map(part -> URLDecoder.decode(part, StandardCharsets.UTF_8)).toArray(String[]::new);
        try {
            if (parts.length < 2 || !parts[1].startsWith(PACKAGE)) {
                return Optional.empty();
            }
            List<Long> accounts = parts[0].isEmpty() ? List.of()
                    : Arrays.stream(parts[0].split(",")).map(Long::valueOf).toList();
            Class<?> type = Class.forName(parts[1], false, UpdateCodec.class.getClassLoader());
            RecordComponent[] components = type.getRecordComponents();
            if (components == null || components.length != parts.length - 2
                    || !Arrays.stream(components).allMatch(UpdateCodec::crosses)) {
                return Optional.empty();
            }
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = value(components[i].getType(), parts[i + 2]);
            }
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return Optional.of(new Told(accounts, canonical.newInstance(values)));
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            log.debug("Dropped a live update from another instance that this one cannot read: {}", line,
                    unreadable);
            return Optional.empty();
        }
    }

    private static boolean crosses(RecordComponent component) {
        Class<?> type = component.getType();
        return type == long.class || type == int.class || type == boolean.class || type == String.class;
    }

    private static Object value(Class<?> type, String text) {
        if (type == long.class) {
            return Long.parseLong(text);
        }
        if (type == int.class) {
            return Integer.parseInt(text);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        return text;
    }
}
