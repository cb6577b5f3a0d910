package org.tandem.balance;

import java.util.List;

/**
 * One version of the check-in as a partner answers it: the ten statements in the order they are shown, and the
 * prompt of the closeness picture. Wording and keys belong to the version and never change once released.
 */
public record Instrument(int version, List<Statement> statements, String closenessPrompt) {

    public Instrument {
        statements = List.copyOf(statements);
    }

    /** One statement with its subscale and whether it is worded in reverse (as stored for the version). */
    public record Statement(Item item, int position, String text, Subscale subscale, boolean reversed) {}
}
