package org.tandem.workbook;

import java.io.IOException;
import java.io.InputStream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes module content and answers as the JSON kept in the database and the built-in files. */
public final class WorkbookJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private WorkbookJson() {}

    public static String write(ModuleContent content) {
        return MAPPER.writeValueAsString(content);
    }

    public static ModuleContent content(String json) {
        return MAPPER.readValue(json, ModuleContent.class);
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
