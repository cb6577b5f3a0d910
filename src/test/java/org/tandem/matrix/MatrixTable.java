package org.tandem.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.tandem.matrix.MatrixWorld.Actor;

/**
 * A declared matrix table, read and compared the same way for services and routes: rows {@code key;cell;…} with a
 * cell per {@link Actor} ("with C1's ids / with clinic B's ids"), or {@code key;SKIP: why}; lines starting with
 * {@code #} are comments, the line starting with {@code entry;} the header. The observed table is written beside
 * the build's output to review and copy rows from.
 */
record MatrixTable(String file, Map<String, List<String>> rows) {

    static MatrixTable read(String file) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("entry;")) {
                    continue;
                }
                String[] cells = line.split(";");
                rows.put(cells[0].strip(), Arrays.stream(cells).skip(1).map(String::strip).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MatrixTable(file, rows);
    }

    /** The declared row of an entry, or null when it has none. */
    List<String> row(String key) {
        return rows.get(key);
    }

    boolean skipped(String key) {
        List<String> row = rows.get(key);
        return row != null && row.size() == 1 && row.get(0).startsWith("SKIP");
    }

    /** Entries found that the table does not declare. */
    Set<String> missing(Set<String> enumerated) {
        Set<String> missing = new TreeSet<>(enumerated);
        missing.removeAll(rows.keySet());
        return missing;
    }

    /** Rows of the table whose entry no longer exists. */
    Set<String> gone(Set<String> enumerated) {
        Set<String> gone = new TreeSet<>(rows.keySet());
        gone.removeAll(enumerated);
        return gone;
    }

    /** Each cell of an observed row that differs from its declared row (none when the entry is undeclared). */
    List<String> mismatches(String key, List<String> observed) {
        List<String> declared = rows.get(key);
        List<String> mismatches = new ArrayList<>();
        if (declared == null || declared.equals(observed)) {
            return mismatches;
        }
        for (int i = 0; i < Actor.values().length; i++) {
            String expected = i < declared.size() ? declared.get(i) : "?";
            if (!expected.equals(observed.get(i))) {
                mismatches.add(key + " as " + Actor.values()[i] + ": declared " + expected + ", was " + observed.get(i));
            }
        }
        return mismatches;
    }

    /** Writes the observed rows, in the table's format, to {@code target/<name>}. */
    static void writeObserved(String name, Map<String, List<String>> observed) {
        StringBuilder out = new StringBuilder("entry;" + Arrays.stream(Actor.values()).map(Actor::name)
                .collect(Collectors.joining(";")) + "\n");
        observed.forEach((key, row) -> out.append(key).append(';').append(String.join(";", row)).append('\n'));
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", name), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
