package org.tandem.clinic;

import org.jspecify.annotations.Nullable;

/**
 * Text cells of the CSV files Tandem writes (a couple's balance, the audit log) that a spreadsheet will not run as a
 * formula: a value starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe (OWASP's advice
 * on CSV injection). A partner's name or a mistyped sign-in e-mail is typed by someone else than the reader.
 */
public final class CsvCells {

    private CsvCells() {}

    /** The value as a cell that is only ever text; "" for none. */
    public static String text(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
