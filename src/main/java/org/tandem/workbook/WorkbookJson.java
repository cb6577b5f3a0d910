package org.tandem.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes module content and answers as the JSON kept in the database and the built-in files. */
public final class WorkbookJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * Module content parsed, by its JSON: every workbook screen reads the content of each of its assignments, and a
     * published version's JSON never changes. Keyed by the JSON itself, so an edited draft is simply a new key; and
     * {@link ModuleContent} is immutable, so one parsed value serves every reader. Emptied when full rather than
     * evicting one by one: a few hundred versions are read in a day.
     */
    private static final Map<String, ModuleContent> PARSED = new ConcurrentHashMap<>();
    static final int KEPT = 1_000;

    private WorkbookJson() {}

    public static String write(ModuleContent content) {
        return MAPPER.writeValueAsString(content);
    }

    public static ModuleContent content(String json) {
        ModuleContent parsed = PARSED.get(json);
        if (parsed == null) {
            parsed = MAPPER.readValue(json, ModuleContent.class);
            if (PARSED.size() >= KEPT) {
                PARSED.clear();
            }
            PARSED.put(json, parsed);
        }
        return parsed;
    }

    public static ModuleContent content(InputStream json) throws IOException {
        try (json) {
            return MAPPER.readValue(json, ModuleContent.class);
        }
    }

    public static String write(AnswerValue value) {
        return MAPPER.writeValueAsString(value);
    }

    public static AnswerValue answer(String json) {
        return MAPPER.readValue(json, AnswerValue.class);
    }
}
