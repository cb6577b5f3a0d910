package org.tandem.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the demo's partners write in the built-in modules the demo assigns, from {@code answers.json} beside this
 * class: answers to each prompt written for that prompt, different for the two partners of a couple and from one
 * couple to the next, each partner's own goal, and each couple's shared goal. {@code {me}} and {@code {partner}} in a
 * text become the writer's and the other partner's first (or preferred) names.
 */
final class DemoAnswers {

    /** Who writes: their full name (the key in "people"), partner one's full name (the key in "couples"), and how
     * the two partners are called. */
    record Writer(String fullName, String coupleKey, boolean partnerOne, String me, String partner) {}

    record Goal(String what, String why, String firstStep) {}

    private static final DemoAnswers WRITTEN = read();

    private final JsonNode root;

    private DemoAnswers(JsonNode root) {
        this.root = root;
    }

    static DemoAnswers written() {
        return WRITTEN;
    }

    private static DemoAnswers read() {
        try (InputStream json = DemoAnswers.class.getResourceAsStream("answers.json")) {
            if (json == null) {
                throw new IllegalStateException("answers.json is missing beside " + DemoAnswers.class.getName());
            }
            return new DemoAnswers(JsonMapper.builder().build().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The writer's answer to a prompt: their own, when they have one for this module ("people"), else the one
     * written for their position and {@code variant} (which couple of those given the module).
     */
    String prompt(String module, String step, Writer writer, int variant) {
        JsonNode own = own(module, step, writer);
        if (own != null && own.isString()) {
            return fill(own.stringValue(), writer);
        }
        List<String> written = written(module, step, writer);
        if (written.isEmpty()) {
            throw new IllegalStateException("No answer written for " + module + "/" + step + " by " + writer.fullName());
        }
        return fill(written.get(Math.floorMod(variant, written.size())), writer);
    }

    /** Every answer written for this prompt that the writer could have given, names filled in. */
    List<String> prompts(String module, String step, Writer writer) {
        JsonNode own = own(module, step, writer);
        List<String> texts = new ArrayList<>();
        if (own != null && own.isString()) {
            texts.add(fill(own.stringValue(), writer));
        }
        written(module, step, writer).forEach(text -> texts.add(fill(text, writer)));
        return texts;
    }

    /** The writer's goal for a goal step: their own, or the couple's with the writer's own reason. */
    Goal goal(String module, String step, Writer writer) {
        JsonNode own = own(module, step, writer);
        if (own != null && own.isObject()) {
            return new Goal(fill(own.get("what").stringValue(), writer), fill(own.get("why").stringValue(), writer),
                    fill(own.get("firstStep").stringValue(), writer));
        }
        JsonNode shared = root.path("couples").path(writer.coupleKey()).path(module).path(step);
        if (!shared.isObject()) {
            throw new IllegalStateException("No goal written for " + module + "/" + step + " by " + writer.fullName());
        }
        String why = shared.get(writer.partnerOne() ? "why" : "whyTwo").stringValue();
        return new Goal(fill(shared.get("what").stringValue(), writer), fill(why, writer),
                fill(shared.get("firstStep").stringValue(), writer));
    }

    /** The options the writer ticks in a choice step, when they are written down (else the demo picks some). */
    @Nullable List<String> ticked(String module, String step, Writer writer) {
        JsonNode own = own(module, step, writer);
        if (own == null || !own.isArray()) {
            return null;
        }
        return own.values().stream().map(JsonNode::stringValue).toList();
    }

    /** Two progress updates on a tracked goal, one of several pairs written for a partner's or a couple's goal. */
    List<String> updates(boolean shared, int variant, Writer writer) {
        JsonNode pairs = root.path("updates").path(shared ? "shared" : "own");
        JsonNode pair = pairs.get(Math.floorMod(variant, pairs.size()));
        return pair.values().stream().map(text -> fill(text.stringValue(), writer)).toList();
    }

    private @Nullable JsonNode own(String module, String step, Writer writer) {
        JsonNode own = root.path("people").path(writer.fullName()).path(module).path(step);
        return own.isMissingNode() ? null : own;
    }

    private List<String> written(String module, String step, Writer writer) {
        JsonNode texts = root.path("steps").path(module).path(step).path(writer.partnerOne() ? "one" : "two");
        return texts.values().stream().map(JsonNode::stringValue).toList();
    }

    private static String fill(String text, Writer writer) {
        return text.replace("{me}", writer.me()).replace("{partner}", writer.partner());
    }
}
